/**
 * The manifest for where the add-in is served. manifest.xml in the repository is the development
 * manifest: https://localhost:3000 and the development Id, so a developer's sideloaded copy and
 * the city's deployed add-in are two different add-ins in Office (their settings, caches and
 * ribbon entries never mix). For a production URL every localhost address goes (URLs, AppDomain,
 * icons, SourceLocation) and the production Id replaces the development one.
 */
const DEV_URL = "https://localhost:3000/";
const DEV_ID = "911de48b-3f8e-4e77-a8d4-adc6eea38afb";
const PROD_ID = "5b0e7c1e-2f43-4a5d-9d8e-6c1f3a7b2e90";

/**
 * @param {string} xml the development manifest
 * @param {string} url where production serves dist/, e.g. "https://billing.example.gov/ub/"
 * @returns {string} the production manifest
 */
function productionManifest(xml, url) {
  let base;
  try {
    base = new URL(url);
  } catch {
    throw new Error(`UB_ADDIN_URL must be an https URL, got "${url}"`);
  }
  if (base.protocol !== "https:") throw new Error(`UB_ADDIN_URL must be an https URL (Office loads add-ins over https only), got "${url}"`);
  if (/^(localhost|127\.|\[::1\])/i.test(base.hostname)) throw new Error(`UB_ADDIN_URL must not be a local address, got "${url}"`);
  const prefix = base.href.endsWith("/") ? base.href : `${base.href}/`;
  const out = xml
    .split(DEV_URL)
    .join(prefix)
    .replace(/<AppDomain>https:\/\/localhost:3000\/?<\/AppDomain>/g, `<AppDomain>${base.origin}</AppDomain>`)
    .replace(`<Id>${DEV_ID}</Id>`, `<Id>${PROD_ID}</Id>`);
  if (/localhost|127\.0\.0\.1/i.test(out)) throw new Error("the production manifest still names localhost");
  if (!out.includes(`<Id>${PROD_ID}</Id>`)) throw new Error("the production manifest has no production Id");
  return out;
}

module.exports = { DEV_URL, DEV_ID, PROD_ID, productionManifest };

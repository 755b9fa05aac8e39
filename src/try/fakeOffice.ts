/**
 * Stands in for office.js where Excel cannot run: the browser tests serve it in place of
 * Microsoft's CDN script, and the try-it page's task pane loads it. It installs `Office`, `Excel`
 * and `CustomFunctions` over a FakeHost. Inside the try-it page's frame it shares the page's host,
 * so the grid beside the pane shows the same workbook.
 */
import { FakeHost } from "../fakes/host";

function parentHost(): FakeHost | undefined {
  try {
    return window.parent !== window ? window.parent.ubFakeHost : undefined;
  } catch {
    return undefined; // a parent from another origin is not ours
  }
}

function startHost(): FakeHost {
  const host = new FakeHost(window.ubFakeWorkbook);
  if (!window.ubFakeWorkbook && window.ubFakeSample) host.loadSample(window.ubFakeSample);
  return host;
}

const host = parentHost() ?? window.ubFakeHost ?? startHost();
host.fake.install(window as unknown as Record<string, unknown>);
window.ubFakeHost = host;

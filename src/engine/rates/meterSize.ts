/**
 * Normalises how people write meter sizes: `5/8"`, `5/8 in`, `0.625`, `1 1/2"`, `1-1/2`, `1.5`
 * and `1½` all compare equal. The result is the schedule key form: "5/8", "3/4", "1", "1.5", "2".
 */
const normalized = new Map<string, string>();

export function normalizeMeterSize(raw: string): string {
  let found = normalized.get(raw);
  if (found === undefined) {
    found = normalizeSize(raw);
    if (normalized.size < 10_000) normalized.set(raw, found);
  }
  return found;
}

function normalizeSize(raw: string): string {
  let text = raw
    .trim()
    .toLowerCase()
    .replace(/["”″]|inches|inch|in\b/g, "")
    .replace(/½/g, " 1/2")
    .trim();
  text = text.replace(/\s*x\s*3\/4$/, "");
  const mixed = /^(\d+)[\s-]+(\d+)\/(\d+)$/.exec(text);
  if (mixed) return decimalForm(Number(mixed[1]) + Number(mixed[2]) / Number(mixed[3]));
  const fraction = /^(\d+)\/(\d+)$/.exec(text);
  if (fraction) return decimalForm(Number(fraction[1]) / Number(fraction[2]));
  if (/^\d*\.?\d+$/.test(text)) return decimalForm(Number(text));
  return text.replace(/\s+/g, " ");
}

const FRACTIONS: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  "0.625": "5/8",
  "0.75": "3/4",
  "0.5": "1/2",
  "0.375": "3/8",
});

function decimalForm(value: number): string {
  const text = String(value);
  return FRACTIONS[text] ?? text;
}

/** Normalises a cart or container size key: "96", "96 gal", "96-gallon" -> "96"; "3 yd" -> "3yd". */
export function normalizeBinSize(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .replace(/[-\s]*(gallons?|gal)\.?$/, "")
    .replace(/[-\s]*(cubic\s+)?(yards?|yds?|yd)\.?$/, "yd")
    .replace(/\s+/g, " ");
}

/** Orders size keys by their numeric value ("5/8" < "3/4" < "1" < "1.5" < "8"), text last. */
export function compareSizes(a: string, b: string): number {
  const value = (s: string) => {
    const f = /^(\d+)\/(\d+)$/.exec(s);
    const n = f ? Number(f[1]) / Number(f[2]) : parseFloat(s);
    return Number.isNaN(n) ? Infinity : n;
  };
  return value(a) - value(b) || a.localeCompare(b);
}

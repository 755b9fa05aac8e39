import { Charge, Dec, unitLabel, VolumeUnit } from "../engine";

/** Digits grouped by thousands, the decimals as given: "3,000", "1,234.50" (from decimal text). */
function grouped(text: string): string {
  const [whole, fraction] = text.split(".");
  const sign = whole.startsWith("-") ? "-" : "";
  const digits = whole.replace("-", "").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${digits}${fraction ? `.${fraction}` : ""}`;
}

/** A quantity grouped by thousands, with only the decimals it has: "3,000", "2.5". */
const quantity = (value: Dec | string | number) => grouped(new Dec(value).toFixed());

/** Money as money: "$17.80", "$746.45", a price with more places as written ("$0.0125"). */
export function moneyText(value: Dec | string | number): string {
  const d = new Dec(value);
  return `$${grouped(d.toFixed(Math.max(2, d.decimalPlaces())))}`;
}

/**
 * How a schedule's usage reads for a specialist: a schedule priced per thousand gallons shows its
 * blocks in gallons ("0-3,000 gal: $1.30 per 1,000 gal").
 */
function usageWords(unit: VolumeUnit): { num: (v: Dec | string) => string; unit: string; per: string } {
  if (unit === "kgal") return { num: (v) => quantity(new Dec(v).times(1000)), unit: "gal", per: "per 1,000 gal" };
  return { num: (v) => quantity(v), unit: unitLabel(unit), per: `per ${unitLabel(unit)}` };
}

/** One line of plain words for a charge, for the Rates view: "Water usage (water): 0-3,000 gal: $1.30 per 1,000 gal; ...". */
export function describeCharge(c: Charge): string {
  const head = `${c.description} (${c.service})`;
  const tail = [
    c.classes ? `classes ${c.classes.join(", ")}` : "",
    c.season ? `${c.season.from} to ${c.season.to}` : "",
    c.addOn ? `add-on ${c.addOn}` : "",
  ]
    .filter(Boolean)
    .join("; ");
  return tail ? `${head}: ${body(c)}; ${tail}` : `${head}: ${body(c)}`;
}

function body(c: Charge): string {
  switch (c.kind) {
    case "fixed":
      return `${moneyText(c.amount)} per ${c.per === "dwellingUnit" ? "dwelling unit" : c.per}`;
    case "meterBase":
      return Object.entries(c.amounts)
        .map(([size, amount]) => `${size}" ${moneyText(amount)}`)
        .join(", ");
    case "thresholdBase": {
      const words = usageWords(c.unit);
      return `${moneyText(c.atOrBelow)} at or below ${words.num(c.threshold)} ${words.unit}, ${moneyText(c.above)} above`;
    }
    case "blocks": {
      const words = usageWords(c.unit);
      let from: Dec | string = "0";
      const parts = c.blocks.map((b) => {
        const range = b.upTo === null ? `over ${words.num(from)} ${words.unit}` : `${words.num(from)}-${words.num(b.upTo)} ${words.unit}`;
        from = b.upTo ?? from;
        return `${range}: ${moneyText(b.price)} ${words.per}`;
      });
      return `${parts.join("; ")}${c.allowance ? " (above an included allowance)" : ""}`;
    }
    case "carts":
      return Object.entries(c.sizes)
        .map(([size, p]) => `${size}: ${moneyText(p.first)}, additional ${moneyText(p.additional)}`)
        .join("; ");
    case "containers":
      return Object.entries(c.sizes)
        .map(
          ([size, p]) =>
            `${size}: ${moneyText(p.perPickup)} per pickup/week + ${moneyText(p.base)}, additional container ${moneyText(p.additionalContainer)}`,
        )
        .join("; ");
    case "percentOfLines":
      return `${quantity(c.percent)}% of ${c.of.join(", ")}`;
  }
}

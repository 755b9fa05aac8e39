import { Charge, unitLabel } from "../engine";

/** One line of plain words for a charge, for the Rates view: "Water usage (water): 0-3 at 1.3, over 3 at 1.8 per thousand gal". */
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
      return `$${c.amount} per ${c.per === "dwellingUnit" ? "dwelling unit" : c.per}`;
    case "meterBase":
      return Object.entries(c.amounts)
        .map(([size, amount]) => `${size}" $${amount}`)
        .join(", ");
    case "thresholdBase":
      return `$${c.atOrBelow} at or below ${c.threshold} ${unitLabel(c.unit)}, $${c.above} above`;
    case "blocks": {
      let from = "0";
      const parts = c.blocks.map((b) => {
        const text = b.upTo === null ? `over ${from} at ${b.price}` : `${from}-${b.upTo} at ${b.price}`;
        from = b.upTo?.toString() ?? from;
        return text;
      });
      return `${parts.join(", ")} per ${unitLabel(c.unit)}${c.allowance ? " above an included allowance" : ""}`;
    }
    case "carts":
      return Object.entries(c.sizes)
        .map(([size, p]) => `${size}: $${p.first}, additional $${p.additional}`)
        .join("; ");
    case "containers":
      return Object.entries(c.sizes)
        .map(([size, p]) => `${size}: $${p.perPickup} per pickup/week + $${p.base}, additional container $${p.additionalContainer}`)
        .join("; ");
    case "percentOfLines":
      return `${c.percent}% of ${c.of.join(", ")}`;
  }
}

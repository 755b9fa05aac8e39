/**
 * A charge in a specialist's words (issue 14): money as money, blocks as ranges of gallons with
 * their price per 1,000 gallons, from the published samples.
 */
import { describeCharge, moneyText } from "../../src/taskpane/describeCharge";
import { loadSchedule } from "../support/samples";

const charges = (id: string) => loadSchedule(id).versions[0].charges;

describe("describeCharge", () => {
  it("shows Harlingen's inclining blocks in gallons, each with its price per 1,000 gallons (harlingen.json)", () => {
    const usage = charges("harlingen").find((c) => c.kind === "blocks")!;
    expect(describeCharge(usage)).toContain(
      "0-3,000 gal: $1.30 per 1,000 gal; 3,000-10,000 gal: $1.80 per 1,000 gal; 10,000-20,000 gal: $2.55 per 1,000 gal; over 20,000 gal: $3.05 per 1,000 gal",
    );
    const minimum = charges("harlingen").find((c) => c.kind === "meterBase")!;
    expect(describeCharge(minimum)).toMatch(/8" \$746\.45/);
    expect(describeCharge(minimum)).toContain('5/8" $9.91');
  });

  it("shows Chubbuck's carts as money (chubbuck.json)", () => {
    const carts = charges("chubbuck").find((c) => c.kind === "carts")!;
    expect(describeCharge(carts)).toContain("standard: $17.80, additional $11.20");
  });

  it.each([
    ["17.8", "$17.80"],
    ["746.45", "$746.45"],
    ["1234.5", "$1,234.50"],
    ["0.0125", "$0.0125"],
    ["5", "$5.00"],
  ])("writes %s as %s", (amount, text) => {
    expect(moneyText(amount)).toBe(text);
  });
});

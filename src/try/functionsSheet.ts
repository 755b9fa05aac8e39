/**
 * The try-it page's Functions sheet: docs/functions.md's examples, each typed into a cell as a
 * formula the page's Excel stand-in calculates through the add-in's own functions runtime, beside
 * what the docs say it gives. Its first rows hold the cells the examples refer to, where the docs
 * put them (A2:C4 for UB.BACKBILL, E2:F6 for UB.TIERED). test/try/functionsSheet.test.ts keeps the
 * list in step with the docs and checks every result against them.
 */
import type { CellValue } from "../workbook/port";

export const FUNCTIONS_SHEET = "Functions";

export interface FunctionExample {
  readonly formula: string;
  /** What docs/functions.md says the formula gives, as it says it. */
  readonly docs: string;
}

export const FUNCTION_EXAMPLES: readonly FunctionExample[] = [
  { formula: "=UB.CONSUMPTION(1200, 1850)", docs: "650 (plain difference)" },
  { formula: "=UB.CONSUMPTION(9950, 30, 4)", docs: "80 (a 4-dial register rolled over at 9999)" },
  { formula: "=UB.CONSUMPTION(100, 125, , 10)", docs: "250 (x10 multiplier)" },
  { formula: "=UB.CONSUMPTION(5000, 9530, , , 1000)", docs: "4 (Clintonville, WI: reads 5 and 9 in thousands)" },
  { formula: "=UB.CONSUMPTION(500, 400)", docs: "#VALUE! (current read below the previous one, no dial count)" },
  { formula: "=UB.TIERED(15000, E2:F6, 9.91, 1000)", docs: "39.16 (9.91 + 3.90 + 12.60 + 12.75)" },
  { formula: "=UB.TIERED(25500, E2:F6, , 1000)", docs: "58.78" },
  { formula: '=UB.CHARGE("chubbuck", "water", 8000)', docs: "33.20 (24.00 base + 8 x 1.15)" },
  { formula: '=UB.CHARGE("chubbuck", "sewer", 8000)', docs: "55.40" },
  { formula: '=UB.CHARGE("chubbuck", "electric", 0)', docs: '#N/A (no "electric" service)' },
  { formula: '=UB.BILL("chubbuck", 0, , 1)', docs: "97.20, Chubbuck's published monthly base with one cart" },
  { formula: '=UB.BILL("chubbuck", 8000, , 1)', docs: "106.40" },
  { formula: '=UB.BILL("chubbuck", 8000)', docs: "88.60 (no garbage cart)" },
  { formula: '=UB.BILL("chubbuck", 0, , 2, 15)', docs: "54.21 (half a month, two carts)" },
  { formula: '=UB.BILL("harlingen", 0, "8""")', docs: "746.45" },
  { formula: "=UB.ESTIMATE({40;35;35}, {31;29;30}, 30)", docs: "37 (exact 36.67)" },
  { formula: "=UB.WINTERAVG({6000,5000,4000}, {31,31,28})", docs: "5070" },
  { formula: "=UB.WINTERAVG({4000,5000,3000})", docs: "4000 (Box Elder: December, January, February)" },
  { formula: '=UB.WINTERAVG({20;10}, , "bills")', docs: "15 (Gig Harbor: two bi-monthly bills, in CCF)" },
  { formula: '=UB.LEAKADJ("harlingen", 30000, 6000, , , 1000)', docs: "35.60 (12,000 gallons credited from the top blocks)" },
  { formula: '=UB.LEAKADJ("harlingen", 30000, {5000,7000}, 0.5, "lowest", 1000)', docs: "20.00" },
  { formula: '=UB.LEAKADJ("harlingen", 30000, 6000, , , 1000, , , , "volume")', docs: "12000 (the gallons credited in the first example)" },
  {
    formula: '=UB.LEAKADJ("chubbuck", 125000, 6000, , , 1000, , , , "volume")',
    docs: "60000 (Wildwood, NJ: half a 119,000-gallon excess, rounded up to 1,000)",
  },
  { formula: '=UB.BACKBILL("harlingen", A2:A4, B2:B4, C2:C4, , , "2026-08-15")', docs: "57.00" },
  { formula: '=UB.BACKBILL("harlingen", A2:A4, B2:B4, C2:C4, , 0.5, "2026-08-15")', docs: "28.50 (the same with share 0.5)" },
  { formula: "=UB.PRORATE(24, 12, 30)", docs: "9.60" },
  { formula: "=UB.PRORATE(17.97, 7, 31)", docs: "4.06" },
  // Last: its six columns and six rows spill below and to the right.
  { formula: '=UB.BILLLINES("harlingen", 15000, "5/8")', docs: "spills the bill's lines; total 39.16" },
];

/** The rates the examples name; the sheet's workbook carries them on its Rates sheet. */
export const EXAMPLE_SCHEDULES = ["chubbuck", "harlingen"];

/** The row (0-based) of the examples' header; each example's formula goes in column C below it. */
export const EXAMPLES_HEADER_ROW = 7;
export const RESULT_COLUMN = 2;

/** Number formats of single cells: the back-bill's period ends are dates. */
export const FUNCTIONS_SHEET_FORMATS = [1, 2, 3].map((row) => ({ row, column: 0, format: "yyyy-mm-dd" }));

/** The sheet's values (formula cells left blank) and where each formula goes. */
export function functionsSheet(): { rows: CellValue[][]; formulas: { row: number; column: number; formula: string }[] } {
  const rows: CellValue[][] = [
    // A1:C4: three months billed at 2,000 gallons that should have been 12,000 (UB.BACKBILL);
    // E2:F6: Harlingen's residential blocks, with their header (UB.TIERED).
    ["Period End", "Billed (gal)", "Corrected (gal)", null, "Harlingen's blocks (UB.TIERED)"],
    [46142, 2000, 12000, null, "Up to", "Price"],
    [46173, 2000, 12000, null, 3000, 1.3],
    [46203, 2000, 12000, null, 10000, 1.8],
    [null, null, null, null, 20000, 2.55],
    [null, null, null, null, null, 3.05],
    [],
    ["Formula", "docs/functions.md says", "Result (type your own =UB. formula in any cell)"],
  ];
  const formulas = FUNCTION_EXAMPLES.map((example, i) => {
    rows.push([example.formula, example.docs, null]);
    return { row: EXAMPLES_HEADER_ROW + 1 + i, column: RESULT_COLUMN, formula: example.formula };
  });
  return { rows, formulas };
}

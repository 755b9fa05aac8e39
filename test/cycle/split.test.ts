import { splitForExcel } from "../../src/cycle/sheets/split";

describe("splitForExcel", () => {
  const sheet = {
    name: "Bills",
    rows: Array.from({ length: 10 }, (_, i) => [`row ${i}`]),
    options: { boldRows: [0, 4, 8], print: { orientation: "portrait" as const, pageBreaks: [4, 8] } },
  };

  it("leaves a sheet that fits alone", () => {
    expect(splitForExcel(sheet, 10)).toEqual([sheet]);
  });

  it("splits a long sheet on page boundaries into Bills, Bills 2, ...", () => {
    const parts = splitForExcel(sheet, 6);
    expect(parts.map((p) => [p.name, p.rows[0][0], p.rows.length])).toEqual([
      ["Bills", "row 0", 4],
      ["Bills 2", "row 4", 6],
    ]);
    expect(parts[1].options.boldRows).toEqual([0, 4]);
    expect(parts[1].options.print?.pageBreaks).toEqual([4]);
    expect(splitForExcel(sheet, 4).map((p) => p.name)).toEqual(["Bills", "Bills 2", "Bills 3"]);
  });
});

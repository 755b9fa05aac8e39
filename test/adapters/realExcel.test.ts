import { ExcelWorkbook } from "../../src/adapters/excel/excelWorkbook";
import { FakeExcel, FakeExcelOptions } from "../../src/fakes/fakeExcel";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import type { CellValue } from "../../src/workbook/port";

/** Behaviours of real Excel the fake models (docs/adr/0008-real-excel.md), one test each. */
let uninstall: () => void = () => {};
afterEach(() => uninstall());

function excel(workbook: MemoryWorkbook, options: FakeExcelOptions = {}, blockRows = 20000) {
  const fake = new FakeExcel(workbook, options);
  uninstall = fake.install();
  return { fake, port: new ExcelWorkbook(blockRows) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe("a user editing a cell (InvalidOperationInCellEditMode)", () => {
  it("fails a batch sent without delayForCellEdit, as Excel does", async () => {
    const { fake } = excel(new MemoryWorkbook({ S: [["a"]] }));
    const { Excel } = fake.globals() as { Excel: { run: (f: (c: any) => Promise<void>) => Promise<void> } };
    fake.startCellEdit();
    await expect(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.load("items/name");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
  });

  it("waits for the edit to end before listing sheets, selecting a cell, reading or writing", async () => {
    const workbook = new MemoryWorkbook({ S: [["a"], ["b"]] });
    const { fake, port } = excel(workbook);
    fake.startCellEdit();
    const done: string[] = [];
    const names = port.sheetNames().then((n) => (done.push("names"), n));
    const select = port.select("S", 1, 0).then(() => done.push("select"));
    const read = port.readSheet("S").then((s) => (done.push("read"), s));
    const write = port.replaceSheet("Out", [["x"]]).then(() => done.push("write"));
    await settle();
    expect(done).toEqual([]);
    fake.endCellEdit();
    expect(await names).toEqual(["S"]);
    await Promise.all([select, read, write]);
    expect(done.sort()).toEqual(["names", "read", "select", "write"]);
    expect(workbook.selection).toEqual({ sheet: "S", row: 1, column: 0 });
  });
});

describe("replacing an output sheet", () => {
  it("rewrites it in place, so a user's formula that points at it keeps working", async () => {
    const workbook = new MemoryWorkbook({
      Summary: [["Total"]],
      "Bill Register": [
        ["Account", "Total"],
        ["1", 5],
        ["2", 6],
        ["3", 7],
      ],
      Rates: [["Schedule", "Field", "Value"]],
    });
    const { fake, port } = excel(workbook);
    fake.setFormula("Summary", 0, 1, "=SUM('Bill Register'!B:B)");
    fake.setFormula("Summary", 0, 2, "=COUNTA(Rates!A:A)");
    await port.replaceSheet(
      "Bill Register",
      [
        ["Account", "Total"],
        ["9", 1],
      ],
      { headerRows: 1 },
    );
    await port.replaceSheet(
      "Rates",
      [
        ["Schedule", "Field", "Value"],
        ["x", "id", "x"],
      ],
      { headerRows: 1 },
    );
    expect(fake.stats.brokenReferences).toEqual([]);
    expect(fake.formula("Summary", 0, 1)?.formula).toBe("=SUM('Bill Register'!B:B)");
    expect([...workbook.sheets.keys()]).toEqual(["Summary", "Bill Register", "Rates"]);
    // The old rows below the new ones are gone.
    expect(workbook.sheet("Bill Register")!.values).toEqual([
      ["Account", "Total"],
      ["9", 1],
    ]);
  });

  it("adds a new sheet visible, so its frozen header row is set on a visible sheet", async () => {
    const workbook = new MemoryWorkbook({ Reads: [["a"]] });
    const { fake, port } = excel(workbook);
    await port.replaceSheet("Bill Register", [["Account"], ["1"]], { headerRows: 1 });
    expect(fake.visibleSheets()).toEqual(["Reads", "Bill Register"]);
  });

  it("never deletes or hides the last visible sheet", async () => {
    const workbook = new MemoryWorkbook({ "Bills 2": [["old bill"]], Hidden: [["h"]] });
    const { fake, port } = excel(workbook);
    fake.hidden.add("Hidden");
    await port.replaceSheet("Bills 2", [["new bill"]]);
    await port.removeSheet("Bills 2");
    expect([...workbook.sheets.keys()]).toEqual(["Bills 2", "Hidden"]);
    expect(workbook.sheet("Bills 2")!.values).toEqual([]);
  });

  it("is refused by the fake as by Excel: the last visible sheet cannot be deleted, freeze panes fail on a hidden sheet", async () => {
    const { fake } = excel(new MemoryWorkbook({ Only: [["a"]], Other: [["b"]] }));
    fake.hidden.add("Other");
    const { Excel } = fake.globals() as { Excel: { run: (f: (c: any) => Promise<void>) => Promise<void> } };
    await expect(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Only").delete();
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperation" });
    await expect(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Other").freezePanes.freezeRows(1);
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "GeneralException" });
  });
});

describe("what a rewrite in place must also handle", () => {
  it("puts a record sheet back as it was when its rewrite fails part-way", async () => {
    const old: CellValue[][] = [
      ["Run At", "Outputs"],
      ["2026-10-01T09:00", "Bills"],
      ["2026-11-01T09:00", "Bills, Bills 2"],
    ];
    const workbook = new MemoryWorkbook({ Reads: [["a"]], "Run Log": old.map((r) => [...r]) });
    const { fake } = excel(workbook);
    const port = new ExcelWorkbook(2);
    let syncs = 0;
    // The third write request fails (a lost connection): the sheet was already cleared.
    fake.beforeSync = () => {
      if (++syncs === 6) throw Object.assign(new Error("connection lost"), { code: "GeneralException" });
    };
    const rows: CellValue[][] = Array.from({ length: 9 }, (_, i) => [`run ${i}`, "Bills"]);
    await expect(port.replaceSheet("Run Log", rows, { headerRows: 1 })).rejects.toThrow("connection lost");
    expect(workbook.sheet("Run Log")!.values).toEqual(old);
  });

  it("refuses a protected sheet before clearing anything", async () => {
    const workbook = new MemoryWorkbook({ "Bill Register": [["Account"], ["1"]], Reads: [["a"]] });
    const { fake, port } = excel(workbook);
    fake.protectedSheets.add("Bill Register");
    await expect(port.replaceSheet("Bill Register", [["Account"], ["9"]])).rejects.toThrow(/"Bill Register" is protected/);
    expect(workbook.sheet("Bill Register")!.values).toEqual([["Account"], ["1"]]);
  });

  it("rewrites a sheet the user hid without freezing its panes, and takes off a filter and hidden rows", async () => {
    const workbook = new MemoryWorkbook({ Reads: [["a"]], "Run Log": [["Run At"], ["x"]], "Bill Register": [["Account"], ["1"]] });
    const { fake, port } = excel(workbook);
    fake.hidden.add("Run Log");
    fake.filteredSheets.add("Bill Register");
    fake.hiddenRowSheets.add("Bill Register");
    await port.replaceSheet("Run Log", [["Run At"], ["y"], ["z"]], { headerRows: 1 });
    await port.replaceSheet("Bill Register", [["Account"], ["2"], ["3"]], { headerRows: 1 });
    expect(fake.hidden.has("Run Log")).toBe(true);
    expect(workbook.sheet("Run Log")!.values).toEqual([["Run At"], ["y"], ["z"]]);
    expect([...fake.filteredSheets, ...fake.hiddenRowSheets]).toEqual([]);
  });
});

describe("payload limits in a localized Excel", () => {
  const big = (rows: number, tag: string): CellValue[][] => Array.from({ length: rows }, (_, i) => [`${tag}-${i}`, "x".repeat(40), i]);

  it("reads a sheet whose response is over the limit in smaller blocks, matching the error by code, not by its German message", async () => {
    const workbook = new MemoryWorkbook({ Reads: big(3000, "r") });
    const { fake, port } = excel(workbook, { locale: "de-DE", responseLimitBytes: 40_000 });
    const sheet = await port.readSheet("Reads");
    expect(sheet!.values).toHaveLength(3000);
    expect(sheet!.values[2999][0]).toBe("r-2999");
    // Excel refused the first blocks (each halved in turn) until one was small enough.
    expect(fake.stats.responseBytes.filter((b) => b > 40_000).length).toBeGreaterThan(0);
  });

  it("reads every sheet's head, splitting the request when the response is too large", async () => {
    const workbook = new MemoryWorkbook({ A: big(400, "a"), B: big(400, "b"), C: big(400, "c"), Empty: [] });
    const { port } = excel(workbook, { locale: "de-DE", responseLimitBytes: 12_000 });
    const heads = await port.readHeads(200);
    expect(heads.map((h) => h.sheet)).toEqual(["A", "B", "C", "Empty"]);
    expect(heads.slice(0, 3).every((h) => h.values.length >= 100)).toBe(true);
    expect(heads[2].values[0][0]).toBe("c-0");
    expect(heads[3].values).toEqual([]);
  });

  it("writes a sheet whose request would be over the limit in smaller blocks", async () => {
    const workbook = new MemoryWorkbook({ S: [["a"]] });
    const { port } = excel(workbook, { locale: "de-DE", requestLimitBytes: 5 * 1024 * 1024 });
    await port.replaceSheet("Out", big(60_000, "w"));
    expect(workbook.sheet("Out")!.values).toHaveLength(60_000);
  });
});

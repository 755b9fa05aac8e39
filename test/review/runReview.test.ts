import { DEFAULT_READ_EDIT_SETTINGS, EDIT_CODES } from "../../src/engine";
import { clearReview } from "../../src/review/clearReview";
import { runReview } from "../../src/review/runReview";
import { sampleReadsWorkbook } from "../../src/samples/sampleReads";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { Decision, decisionKey } from "../../src/review/decisions";
import { NOTE_PREFIX } from "../../src/workbook/port";

const settings = DEFAULT_READ_EDIT_SETTINGS;

async function review(workbook = new MemoryWorkbook(sampleReadsWorkbook()), decisions: Decision[] = []) {
  const outcome = await runReview(workbook, { settings, decisions });
  if (!outcome.ok) throw new Error(outcome.message);
  return { workbook, result: outcome.result };
}

/** The reads' own cells (columns A:Q), which the review must never change; a missing cell is blank. */
const inputs = (wb: MemoryWorkbook) =>
  JSON.stringify(wb.sheet("Reads")!.values.map((r) => Array.from({ length: 17 }, (_, c) => r[c] ?? null)));

/** Everything about the Reads sheet: input cells, number formats, fills, highlights and notes. */
const everything = (wb: MemoryWorkbook) => {
  const s = wb.sheet("Reads")!;
  return JSON.stringify({
    values: inputs(wb),
    formats: [...s.numberFormats],
    fills: [...s.fills],
    highlights: s.highlights,
    notes: [...s.notes],
  });
};

describe("runReview on the sample route", () => {
  it("finds every edit code the catalog has", async () => {
    const { result } = await review();
    expect(new Set(result.items.map((i) => i.code))).toEqual(new Set(EDIT_CODES));
  });

  it("recognises the sheets by their headers and counts blank rows", async () => {
    const { result } = await review();
    expect([result.sheet, result.headerRow, result.reads, result.blankRows]).toEqual(["Reads", 2, 28, 1]);
    expect(result.sheets).toEqual({ accounts: "Accounts", history: "Usage History", exchanges: undefined, log: undefined });
    expect(result.disabled).toEqual([]);
  });

  it("writes codes and messages in two columns of its own after the reads", async () => {
    const { workbook, result } = await review();
    const sheet = workbook.sheet("Reads")!;
    expect(result.columns).toEqual({ codes: 17, messages: 18, estimate: undefined });
    expect(sheet.values[2].slice(17)).toEqual(["UB Edits", "UB Edit Notes"]);
    const high = sheet.values.find((r) => r[2] === "100102")!;
    expect(high[17]).toBe("HIGH_USAGE");
    expect(high[18]).toBe("HIGH_USAGE: usage 9,500 is 59% above the 3-period average of 5,966.67 (high limit 50%)");
    expect(sheet.values.find((r) => r[2] === "100101")![17]).toBeNull();
  });

  it("colours offending cells with highlights it owns, and the codes column by severity", async () => {
    const { workbook } = await review();
    const sheet = workbook.sheet("Reads")!;
    const current = sheet.highlights.filter((h) => h.area.left === 8);
    expect(current.map((h) => h.fill).sort()).toEqual(["#FFC7CE", "#FFEB9C"]);
    expect(current[0].area).toEqual({ top: 3, left: 8, height: 29, width: 1 });
    expect(current.find((h) => h.fill === "#FFEB9C")!.formula).toBe(
      '=AND(N("UB Workbench")=0,OR(ISNUMBER(SEARCH({" PROBABLE_ROLLOVER "," ZERO_USAGE "," HIGH_USAGE "," LOW_USAGE "," VERY_LOW_USAGE "," REPEATED_USAGE "}," "&$R4&" "))))',
    );
    const row = sheet.values.findIndex((r) => r[2] === "100103");
    expect(sheet.fills.get(`${row}:17`)).toBe("#FFC7CE");
  });

  it("notes each offending cell with its edits", async () => {
    const { workbook, result } = await review();
    const sheet = workbook.sheet("Reads")!;
    expect(result.notes.supported).toBe(true);
    const row = sheet.values.findIndex((r) => r[2] === "100109");
    expect(sheet.notes.get(`I${row + 1}`)).toBe(
      `${NOTE_PREFIX}NEGATIVE_USAGE: current 120,000 is 380,000 below previous 500,000, too far to be a rollover`,
    );
  });

  it("names the bad cell of a non-numeric read and does not also call it missing", async () => {
    const { result } = await review();
    const items = result.items.filter((i) => i.account === "100124");
    expect(items.map((i) => [i.code, i.message])).toEqual([
      ["INVALID_VALUE", 'Reads!I29: Current Read must be a number of 0 or more; got "4O21O"'],
    ]);
  });

  it("holds every account with an open error, and counts the rows it cannot match to an account", async () => {
    const { result } = await review();
    const held = result.standing!.held.map((h) => h.account);
    expect(held).toContain("100103");
    expect(held).not.toContain("100102");
    expect(result.standing!.held.find((h) => h.account === "100103")).toEqual({
      account: "100103",
      code: "HELD_OPEN_EDIT",
      reason: "open read edit: VERY_HIGH_USAGE",
    });
    // The row with no account and the read for 999999, which is not on the Accounts sheet.
    expect(result.standing!.unmatchedRows).toBe(2);
  });

  it("leaves the reads untouched, reruns to the same flags, and clears them exactly", async () => {
    const workbook = new MemoryWorkbook(sampleReadsWorkbook());
    const before = inputs(workbook);
    const original = everything(workbook);
    await review(workbook);
    const once = JSON.stringify(workbook.sheet("Reads")!.values);
    expect(inputs(workbook)).toBe(before);
    await review(workbook);
    expect(JSON.stringify(workbook.sheet("Reads")!.values)).toBe(once);
    expect(await clearReview(workbook, "Reads")).toEqual({ ok: true });
    expect(workbook.sheet("Reads")!.values.every((r) => r.slice(17).every((v) => v === null))).toBe(true);
    expect(everything(workbook)).toBe(original);
  });

  it("applies a decision: the edit stays listed, resolved, and stops colouring", async () => {
    const { workbook: first, result } = await review();
    const item = result.items.find((i) => i.code === "HIGH_USAGE")!;
    const read = { account: item.account, meter: item.meter, current: null };
    const sheetRow = first.sheet("Reads")!.values[item.row];
    const decision: Decision = {
      key: decisionKey({ ...read, current: { toString: () => String(sheetRow[8]) } as never }, "HIGH_USAGE"),
      kind: "approved",
      account: item.account,
      meter: item.meter,
      code: "HIGH_USAGE",
      reason: "pool filled",
      at: "2026-11-26T10:00:00Z",
    };
    const { workbook, result: again } = await review(new MemoryWorkbook(sampleReadsWorkbook()), [decision]);
    const resolved = again.items.find((i) => i.code === "HIGH_USAGE")!;
    expect(resolved.decision?.reason).toBe("pool filled");
    const row = workbook.sheet("Reads")!.values[resolved.row];
    expect(row[17]).toBe("HIGH_USAGE(approved)");
    expect(row[18]).toMatch(/\[approved 2026-11-26: pool filled\]$/);
    expect(again.counts.find((c) => c.code === "HIGH_USAGE")).toEqual({ code: "HIGH_USAGE", severity: "warning", open: 0, resolved: 1 });
  });

  it("turns off only the edits whose context sheet is missing, and says which", async () => {
    const sheets = sampleReadsWorkbook();
    delete sheets["Usage History"];
    const { result } = await review(new MemoryWorkbook(sheets));
    expect(result.disabled.map((d) => d.code)).toEqual([
      "HIGH_USAGE",
      "VERY_HIGH_USAGE",
      "LOW_USAGE",
      "VERY_LOW_USAGE",
      "CONSECUTIVE_ESTIMATES",
      "REPEATED_USAGE",
    ]);
    expect(result.disabled[0].reason).toBe("no Usage History sheet (columns Account, Period and Usage)");
    expect(result.items.some((i) => i.code === "UNKNOWN_ACCOUNT")).toBe(true);
  });
});

describe("runReview on bad input", () => {
  it("names the headers found and those expected when a required column is missing", async () => {
    const wb = new MemoryWorkbook({
      Reads: [
        ["Account", "Meter", "Reading"],
        ["1", "M1", 5],
      ],
    });
    const outcome = await runReview(wb, { settings });
    expect(outcome).toEqual({
      ok: false,
      message:
        "No sheet has a reads header (Account, Meter, Previous Read, Current Read). Reads: the header row 1 has Account, Meter, Reading; missing Previous Read (expected Account, Meter, Previous Read, Current Read)",
    });
  });

  it("says so when the chosen sheet does not exist", async () => {
    expect(await runReview(new MemoryWorkbook(sampleReadsWorkbook()), { settings, readsSheet: "June" })).toEqual({
      ok: false,
      message: 'There is no sheet named "June".',
    });
  });

  it("stops before writing anything when cancelled", async () => {
    const wb = new MemoryWorkbook(sampleReadsWorkbook());
    const before = JSON.stringify(wb.sheet("Reads")!.values);
    await expect(runReview(wb, { settings, cancelled: () => true })).rejects.toThrow("cancelled");
    expect(JSON.stringify(wb.sheet("Reads")!.values)).toBe(before);
  });

  it("keeps going past unicode names, text dates and a blank row", async () => {
    const { result } = await review();
    expect(result.items.filter((i) => i.account === "100125" || i.account === "100126")).toEqual([]);
  });
});

describe("runReview on a full-height sheet", () => {
  it("reads a sheet of 1,048,576 rows without trouble, counting the blank rows", async () => {
    const values: (string | number | null)[][] = new Array(1_048_576);
    values[0] = ["Account", "Meter", "Previous Read", "Current Read"];
    for (let i = 1; i <= 3; i++) values[i] = [String(i), `M${i}`, 100, 200 + i];
    for (let i = 4; i < 1_048_575; i++) values[i] = [];
    values[1_048_575] = [null, null, null, "stray"];
    const wb = new MemoryWorkbook({ Reads: values });
    const outcome = await runReview(wb, { settings, write: false });
    expect(outcome.ok && [outcome.result.reads, outcome.result.blankRows]).toEqual([4, 1_048_571]);
    expect(outcome.ok && outcome.result.items.filter((i) => i.row === 1_048_575).map((i) => i.code)).toEqual([
      "INVALID_VALUE",
      "MISSING_ID",
    ]);
  }, 60_000);
});

describe("runReview reads each account as its Account Changes make it", () => {
  it("checks a read's multiplier against the account's corrected multiplier (a back-bill fixed it), not the one typed", async () => {
    const { appendAccountChanges } = await import("../../src/accounts/accountChanges");
    const { result: before } = await review();
    const account = "100101";
    expect(before.items.filter((i) => i.account === account && i.code === "MULTIPLIER_MISMATCH")).toEqual([]);
    const workbook = new MemoryWorkbook(sampleReadsWorkbook());
    await appendAccountChanges(workbook, [
      {
        account,
        field: "Multiplier",
        value: "10",
        was: "1",
        effective: "2026-10-01",
        task: "Back-bill",
        reason: "x10 meter",
        recorded: "2026-10-02T00:00:00Z",
      },
    ]);
    const { result } = await review(workbook);
    expect(result.items.filter((i) => i.account === account).map((i) => i.code)).toContain("MULTIPLIER_MISMATCH");
    // A change that takes effect after the reads does not apply to them.
    const later = new MemoryWorkbook(sampleReadsWorkbook());
    await appendAccountChanges(later, [
      {
        account,
        field: "Multiplier",
        value: "10",
        was: "1",
        effective: "2026-12-01",
        task: "Back-bill",
        reason: "x10 meter",
        recorded: "2026-10-02T00:00:00Z",
      },
    ]);
    expect((await review(later)).result.items.filter((i) => i.account === account && i.code === "MULTIPLIER_MISMATCH")).toEqual([]);
  });
});

import { localSerial, parseReviewLog, reviewLogRows, Decision } from "../../src/review/decisions";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { writeReviewLog } from "../../src/review/actions";

// The office's time zone (Pocatello), 7 hours behind UTC in November; the add-in uses the computer's own.
const inPocatello = (iso: string) => localSerial(iso, "America/Boise");

const decisions: Decision[] = [
  {
    key: "100102|M100102|HIGH_USAGE|21500",
    kind: "approved",
    account: "100102",
    meter: "M100102",
    code: "HIGH_USAGE",
    reason: "pool filled",
    at: "2026-11-26T17:05:30.000Z",
  },
  {
    key: "100109|M100109|*|120000",
    kind: "reread",
    account: "100109",
    meter: "M100109",
    code: "*",
    reason: "read again",
    at: "2026-11-26T16:00:00.000Z",
  },
  {
    key: "100111|M100111|NO_READ|",
    kind: "estimated",
    account: "100111",
    meter: "M100111",
    code: "NO_READ" as Decision["code"],
    reason: "gate locked",
    at: "2026-11-27T06:59:00.000Z",
    estimate: "5400",
  },
];

describe("Review Log", () => {
  it("shows each decision in the office's local time, in words, with the exact instant kept", async () => {
    const workbook = new MemoryWorkbook();
    await workbook.replaceSheet("Review Log", reviewLogRows(decisions, inPocatello));
    const sheet = workbook.sheet("Review Log")!;
    expect(sheet.values[0]).toEqual([
      "When",
      "Account",
      "Meter",
      "Current Read",
      "Edit",
      "Decision",
      "Reason",
      "Estimate",
      "Key",
      "Recorded (UTC)",
    ]);
    // 16:00 UTC is 9:00 am in Pocatello; 06:59 UTC on the 27th is still the evening of the 26th there.
    const serial = (y: number, mo: number, d: number, h: number, mi: number, s = 0) =>
      (Date.UTC(y, mo - 1, d, h, mi, s) - Date.UTC(1899, 11, 30)) / 86_400_000;
    expect(sheet.values.slice(1).map((r) => [r[0], r[4], r[5], r[9]])).toEqual([
      [serial(2026, 11, 26, 9, 0), "All edits on this read", "re-read requested", "2026-11-26T16:00:00.000Z"],
      [serial(2026, 11, 26, 10, 5, 30), "HIGH_USAGE", "approved", "2026-11-26T17:05:30.000Z"],
      [serial(2026, 11, 26, 23, 59), "NO_READ", "estimated", "2026-11-27T06:59:00.000Z"],
    ]);
    expect(sheet.values.flat()).not.toContain("*");
    expect(localSerial("2026-11-26T16:00:00.000Z", "UTC")).toBe(serial(2026, 11, 26, 16, 0));
    expect(localSerial("not a time")).toBe("not a time");
  });

  it("reads its own rows back to the same decisions", async () => {
    const workbook = new MemoryWorkbook();
    await writeReviewLog(workbook, decisions);
    const read = parseReviewLog((await workbook.readSheet("Review Log"))!);
    expect(read.problems).toEqual([]);
    const byKey = (list: readonly Decision[]) => [...list].sort((a, b) => a.key.localeCompare(b.key));
    expect(byKey(read.decisions)).toEqual(byKey(decisions));
  });

  it("still reads a log written before: ISO times in When, kinds as codes, * for the whole read", () => {
    const read = parseReviewLog({
      sheet: "Review Log",
      top: 0,
      left: 0,
      values: [
        ["When", "Account", "Meter", "Current Read", "Edit", "Decision", "Reason", "Estimate", "Key"],
        ["2026-10-31T09:12:00Z", "100109", "M100109", 120000, "*", "reread", "read again", null, "100109|M100109|*|120000"],
      ],
    });
    expect(read.decisions).toEqual([
      {
        key: "100109|M100109|*|120000",
        kind: "reread",
        account: "100109",
        meter: "M100109",
        code: "*",
        reason: "read again",
        at: "2026-10-31T09:12:00Z",
        estimate: undefined,
      },
    ]);
    expect(reviewLogRows([])).toHaveLength(1);
  });
});

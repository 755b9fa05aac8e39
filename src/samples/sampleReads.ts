import { toExcelSerial } from "../engine";
import type { CellValue } from "../workbook/port";

/**
 * A small route of October 2026 reads with every read edit planted once, and the Accounts and
 * Usage History sheets behind them: samples/reads.xlsx is written from it, and the tests use it.
 * Synthetic: the accounts, names and addresses are invented for the sample.
 */
export const SAMPLE_READS_HEADER = [
  "Route",
  "Sequence",
  "Account",
  "Meter",
  "Service Address",
  "Previous Read Date",
  "Previous Read",
  "Current Read Date",
  "Current Read",
  "Read Code",
  "Dials",
  "Multiplier",
  "Meter Size",
  "Reader Note",
  "Old Meter Final Read",
  "New Meter Set Read",
  "New Meter",
];

type Row = {
  acct: string;
  meter: string;
  prev: CellValue;
  cur: CellValue;
  code?: string;
  note?: string;
  prevDate?: CellValue;
  curDate?: CellValue;
  mult?: number;
  exchange?: [number, number, string];
};

const PREV = toExcelSerial("2026-09-30");
const CUR = toExcelSerial("2026-10-30");

const ROWS: (Row | null)[] = [
  { acct: "100101", meter: "M100101", prev: 45210, cur: 51210 },
  { acct: "100102", meter: "M100102", prev: 12000, cur: 21500, note: "pool filled" },
  { acct: "100103", meter: "M100103", prev: 30000, cur: 55000 },
  { acct: "100104", meter: "M100104", prev: 8000, cur: 10500 },
  { acct: "100105", meter: "M100105", prev: 7700, cur: 8000 },
  { acct: "100106", meter: "M100106", prev: 64000, cur: 64000 },
  { acct: "100107", meter: "M100107", prev: 1500, cur: 2700 },
  { acct: "100108", meter: "M100108", prev: 22000, cur: null, code: "S", note: "dog in yard" },
  null,
  { acct: "100109", meter: "M100109", prev: 500000, cur: 120000 },
  { acct: "100110", meter: "M100110", prev: 999200, cur: 4800 },
  { acct: "100111", meter: "M100111", prev: 25000, cur: 1250000 },
  { acct: "100112", meter: "M100112", prev: 15000, cur: 21000, code: "E" },
  { acct: "100113", meter: "M100113", prev: 33000, cur: 39100, code: "C" },
  { acct: "100114", meter: "M100114", prev: 14000, cur: 18000 },
  { acct: "100115", meter: "M100115", prev: 41000, cur: 47000, curDate: toExcelSerial("2026-09-25") },
  { acct: "100116", meter: "M100116", prev: 52000, cur: 58000, curDate: toExcelSerial("2026-11-14") },
  { acct: "100117", meter: "M100117", prev: 6100, cur: 6700, mult: 10 },
  { acct: "100118", meter: "M900118", prev: 9000, cur: 15000 },
  { acct: "100119", meter: "M100119", prev: 11000, cur: 17000 },
  { acct: "100120", meter: "M100119", prev: 11000, cur: 17000 },
  { acct: "100121", meter: "M100121", prev: 2000, cur: 8000 },
  { acct: "100121", meter: "M100121B", prev: 100, cur: 600 },
  { acct: "999999", meter: "M999999", prev: 1000, cur: 7000 },
  { acct: "100123", meter: "M200123", prev: 70000, cur: 2500, exchange: [73500, 0, "M200123"] },
  { acct: "100124", meter: "M100124", prev: 40210, cur: "4O21O" },
  { acct: "", meter: "", prev: 9100, cur: 15100, note: "account cell was merged" },
  { acct: "100125", meter: "M100125", prev: 5000, cur: 11000 },
  { acct: "100126", meter: "M100126", prev: 7000, cur: 13000, prevDate: "9/30/2026", curDate: "10/30/2026" },
];

const NAMES: Record<string, string> = { "100125": "Ñúñez, José", "100101": "Alvarez, Maria", "100102": "Baker, Tom" };

const address = (acct: string) => `${100 + (Number(acct) % 1000)} N ${["Arthur", "Garfield", "Hayes", "Lincoln"][Number(acct) % 4]} Ave`;

export function sampleReadsWorkbook(): Record<string, CellValue[][]> {
  // A copy of the header: a test that changes its workbook never changes the next one's.
  const reads: CellValue[][] = [["Route 12 meter reads, October 2026"], [], [...SAMPLE_READS_HEADER]];
  ROWS.forEach((r, i) => {
    if (!r) {
      reads.push([]);
      return;
    }
    reads.push([
      "12",
      String(i + 1).padStart(3, "0"),
      r.acct,
      r.meter,
      r.acct ? address(r.acct) : null,
      r.prevDate ?? PREV,
      r.prev,
      r.curDate ?? CUR,
      r.cur,
      r.code ?? "A",
      6,
      r.mult ?? 1,
      "3/4",
      r.note ?? null,
      r.exchange?.[0] ?? null,
      r.exchange?.[1] ?? null,
      r.exchange?.[2] ?? null,
    ]);
  });
  const accounts: CellValue[][] = [
    ["Account", "Name", "Service Address", "Status", "Rate Class", "Meter", "Meter Size", "Dials", "Multiplier"],
  ];
  const history: CellValue[][] = [["Account", "Period", "Usage", "Days", "Read Code"]];
  const seen = new Set<string>();
  for (const r of ROWS) {
    if (!r || !r.acct || r.acct === "999999" || seen.has(r.acct)) continue;
    seen.add(r.acct);
    const status = r.acct === "100107" ? "Vacant" : "Active";
    const meter = r.acct === "100118" ? "M100118" : r.acct === "100123" ? "M100123" : r.meter;
    accounts.push([r.acct, NAMES[r.acct] ?? `Customer ${r.acct}`, address(r.acct), status, "residential", meter, "3/4", 6, 1]);
    const usages = r.acct === "100114" ? [4000, 4000, 4000] : [5800, 6100, 6000];
    const codes = r.acct === "100112" ? ["A", "A", "E"] : ["A", "A", "A"];
    ["2026-07-31", "2026-08-31", "2026-09-30"].forEach((period, i) =>
      history.push([r.acct, toExcelSerial(period), usages[i], [31, 31, 30][i], codes[i]]),
    );
  }
  return { Reads: reads, Accounts: accounts, "Usage History": history };
}

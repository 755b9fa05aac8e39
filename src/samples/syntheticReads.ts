import { toExcelSerial } from "../engine";
import type { CellValue } from "../workbook/port";

/**
 * A reads sheet of `count` meters for load tests and benchmarks: deterministic (no randomness),
 * mostly clean reads with an edit planted on every 50th row (negative, zero or estimated).
 */
export function syntheticReadsSheet(count: number): CellValue[][] {
  const prevDate = toExcelSerial("2026-09-30");
  const curDate = toExcelSerial("2026-10-30");
  const rows: CellValue[][] = [
    [
      "Account",
      "Meter",
      "Service Address",
      "Previous Read Date",
      "Previous Read",
      "Current Read Date",
      "Current Read",
      "Read Code",
      "Dials",
    ],
  ];
  for (let i = 0; i < count; i++) {
    const account = String(1_000_000 + i);
    const previous = 1000 + ((i * 7919) % 900_000);
    const usage = 2000 + ((i * 104729) % 9000);
    const kind = i % 50;
    const current = kind === 7 ? previous - 500 : kind === 13 ? previous : previous + usage;
    rows.push([account, `M${account}`, `${100 + (i % 9000)} Main St`, prevDate, previous, curDate, current, kind === 29 ? "E" : "A", 7]);
  }
  return rows;
}

import { Dec, isIsoDate } from "../engine";
import { cellDecimal, idText } from "../workbook/cells";
import type { CellValue, SheetValues } from "../workbook/port";
import { locateTable } from "../workbook/table";

/** The add-in's own sheet of meter exchanges recorded in the Review view. */
export const EXCHANGES_SHEET = "Meter Exchanges";
export const EXCHANGES_HEADER = [
  "Account",
  "Old Meter",
  "Old Meter Final Read",
  "New Meter",
  "New Meter Set Read",
  "Exchange Date",
  "Recorded",
];

export interface RecordedExchange {
  readonly account: string;
  readonly oldMeter: string;
  readonly oldFinal: Dec;
  readonly newMeter: string;
  readonly newSet: Dec;
  readonly date: string;
  readonly recorded: string;
}

export function exchangeRows(exchanges: readonly RecordedExchange[]): CellValue[][] {
  return [
    EXCHANGES_HEADER,
    ...exchanges.map((e) => [e.account, e.oldMeter, e.oldFinal.toNumber(), e.newMeter, e.newSet.toNumber(), e.date, e.recorded]),
  ];
}

export function parseExchanges(data: SheetValues): { exchanges: RecordedExchange[]; problems: string[] } {
  const specs = EXCHANGES_HEADER.map((label, i) => ({ field: String(i), label, synonyms: [] as string[], required: i < 5 }));
  const found = locateTable(data, specs);
  if (!found.ok) return { exchanges: [], problems: [found.message] };
  const exchanges: RecordedExchange[] = [];
  const problems: string[] = [];
  for (let i = found.table.firstValueRow; i < data.values.length; i++) {
    const row = data.values[i];
    const get = (n: number) => {
      const c = found.table.columns[String(n)];
      return c === undefined ? null : row[c - data.left];
    };
    const account = idText(get(0));
    if (!account) continue;
    const oldFinal = cellDecimal(get(2));
    const newSet = cellDecimal(get(4));
    if (!oldFinal || !newSet) {
      problems.push(`${data.sheet} row ${data.top + i + 1}: the final and set reads must be numbers`);
      continue;
    }
    const date = idText(get(5));
    exchanges.push({
      account,
      oldMeter: idText(get(1)),
      oldFinal,
      newMeter: idText(get(3)),
      newSet,
      date: isIsoDate(date) ? date : "",
      recorded: idText(get(6)),
    });
  }
  return { exchanges, problems };
}

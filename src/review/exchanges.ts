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
  "New Meter Size",
  "New Meter Dials",
  "Exchange Date",
  "Recorded",
];
/** Columns a row must have; the rest may be blank (and are absent on sheets from before they existed). */
const REQUIRED = new Set(["Account", "Old Meter", "Old Meter Final Read", "New Meter", "New Meter Set Read"]);

export interface RecordedExchange {
  readonly account: string;
  readonly oldMeter: string;
  readonly oldFinal: Dec;
  readonly newMeter: string;
  readonly newSet: Dec;
  readonly newSize?: string;
  readonly newDials?: number;
  readonly date: string;
  readonly recorded: string;
}

export function exchangeRows(exchanges: readonly RecordedExchange[]): CellValue[][] {
  return [
    EXCHANGES_HEADER,
    ...exchanges.map((e) => [
      e.account,
      e.oldMeter,
      e.oldFinal.toNumber(),
      e.newMeter,
      e.newSet.toNumber(),
      e.newSize ?? null,
      e.newDials ?? null,
      e.date,
      e.recorded,
    ]),
  ];
}

export function parseExchanges(data: SheetValues): { exchanges: RecordedExchange[]; problems: string[] } {
  const specs = EXCHANGES_HEADER.map((label) => ({ field: label, label, synonyms: [] as string[], required: REQUIRED.has(label) }));
  const found = locateTable(data, specs);
  if (!found.ok) return { exchanges: [], problems: [found.message] };
  const exchanges: RecordedExchange[] = [];
  const problems: string[] = [];
  for (let i = found.table.firstValueRow; i < data.values.length; i++) {
    const row = data.values[i];
    const get = (label: string) => {
      const c = found.table.columns[label];
      return c === undefined ? null : row[c - data.left];
    };
    const account = idText(get("Account"));
    if (!account) continue;
    const oldFinal = cellDecimal(get("Old Meter Final Read"), data.culture);
    const newSet = cellDecimal(get("New Meter Set Read"), data.culture);
    if (!oldFinal || !newSet) {
      problems.push(`${data.sheet} row ${data.top + i + 1}: the final and set reads must be numbers`);
      continue;
    }
    const dials = cellDecimal(get("New Meter Dials"), data.culture);
    const date = idText(get("Exchange Date"));
    exchanges.push({
      account,
      oldMeter: idText(get("Old Meter")),
      oldFinal,
      newMeter: idText(get("New Meter")),
      newSet,
      newSize: idText(get("New Meter Size")) || undefined,
      newDials: dials && dials.isInteger() && dials.greaterThan(0) && dials.lessThanOrEqualTo(12) ? dials.toNumber() : undefined,
      date: isIsoDate(date) ? date : "",
      recorded: idText(get("Recorded")),
    });
  }
  return { exchanges, problems };
}

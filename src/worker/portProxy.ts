import type { CellValue, FlagsApplied, Progress, ReadOptions, SheetFlags, SheetValues, WorkbookPort, WriteOptions } from "../workbook/port";
import { Cancelled } from "../workbook/port";
import { FromWorker, PortMethod, ROWS_PER_MESSAGE } from "./protocol";

/**
 * The workbook as the worker sees it: each call is a message to the pane, which runs it with
 * Office.js and answers. Callbacks stay behind: a read's progress is reported by the pane, and
 * cancelling is the job's to check between calls.
 */
export class PortProxy implements WorkbookPort {
  private next = 1;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  /** Rows received ahead of a reply that carries a sheet, by call. */
  private readonly incoming = new Map<number, unknown[][]>();

  constructor(private readonly post: (message: FromWorker) => void) {}

  /** Rows of a sheet the pane's answer to call `id` will carry. */
  rows(id: number, rows: unknown[][]): void {
    const got = this.incoming.get(id);
    if (got) for (const row of rows) got.push(row);
    else this.incoming.set(id, rows);
  }

  /** The pane's answer to call `id`; a sheet's rows came ahead of it. */
  answer(id: number, value: unknown, error?: { message: string; cancelled?: boolean }): void {
    const call = this.waiting.get(id);
    if (!call) return;
    this.waiting.delete(id);
    const rows = this.incoming.get(id);
    this.incoming.delete(id);
    if (rows && value && typeof value === "object") value = { ...value, values: rows };
    if (error) call.reject(error.cancelled ? new Cancelled() : new Error(error.message));
    else call.resolve(value);
  }

  private call<T>(method: PortMethod, ...args: unknown[]): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.post({ type: "port", id, method, args });
    });
  }

  /** Sends the rows ahead of the call in slices; the call then carries none. */
  private callWithRows<T>(method: PortMethod, rows: readonly (readonly CellValue[])[], ...args: unknown[]): Promise<T> {
    const id = this.next++;
    for (let i = 0; i < rows.length; i += ROWS_PER_MESSAGE)
      this.post({ type: "rows", id, rows: rows.slice(i, i + ROWS_PER_MESSAGE) as unknown[][] });
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.post({ type: "port", id, method, args: [args[0], null, ...args.slice(1)] });
    });
  }

  sheetNames(): Promise<string[]> {
    return this.call("sheetNames");
  }
  readSheet(name: string, options: ReadOptions = {}): Promise<SheetValues | undefined> {
    if (options.cancelled?.()) return Promise.reject(new Cancelled());
    return this.call("readSheet", name, { maxRows: options.maxRows });
  }
  readHeads(maxRows: number): Promise<SheetValues[]> {
    return this.call("readHeads", maxRows);
  }
  replaceSheet(name: string, rows: readonly (readonly CellValue[])[], options?: WriteOptions, _progress?: Progress): Promise<void> {
    return this.callWithRows("replaceSheet", rows, name, options);
  }
  applyFlags(sheet: string, flags: SheetFlags, _progress?: Progress): Promise<FlagsApplied> {
    return this.call("applyFlags", sheet, flags);
  }
  removeSheet(name: string): Promise<void> {
    return this.call("removeSheet", name);
  }
  select(sheet: string, row: number, column: number): Promise<void> {
    return this.call("select", sheet, row, column);
  }
  recalculate(): Promise<void> {
    return this.call("recalculate");
  }
}

/**
 * A fake of the Office.js Excel API over the in-memory workbook, for tests and the try-it page.
 * It keeps Office.js's rules: properties are read only after load() and sync(); work is queued
 * and runs at sync(); a request over 5 MB, or a read of more than 5,000,000 cells, fails as
 * Excel on the web fails. It counts syncs, request and response bytes, screen-updating
 * suspensions and writes made while events were on.
 */
import { cellAddress, columnLetter } from "../workbook/address";
import { emptySheet, MemoryChart, MemorySheet, MemoryWorkbook } from "../workbook/memoryWorkbook";
import { EXCEL_MAX_PAGE_BREAKS } from "../workbook/excelLimits";
import type { CellValue, Highlight } from "../workbook/port";
import { argumentValue, BlankArguments, FormulaCell, parseCall } from "./fakeFormulas";

export interface FakeExcelStats {
  runs: number;
  syncs: number;
  requestBytes: number[];
  responseBytes: number[];
  maxCellsRead: number;
  screenSuspends: number;
  writesWithEventsOn: number;
  delayForCellEditRuns: number;
  /** Strings Excel would have turned into formulas or numbers (written without the "@" format). */
  coercions: string[];
  /** Full recalculations the add-in asked for (`application.calculate`). */
  recalculations: number;
  /** Formulas turned into #REF! because a sheet they referred to was deleted. */
  brokenReferences: string[];
}

/** Office's theme colours as `Office.context.officeTheme` gives them (learn.microsoft.com, Office.OfficeTheme). */
export interface FakeOfficeTheme {
  readonly bodyBackgroundColor: string;
  readonly bodyForegroundColor: string;
  readonly controlBackgroundColor: string;
  readonly controlForegroundColor: string;
}

export interface FakeExcelOptions {
  /** The highest ExcelApi version the fake host supports (default "1.18"). */
  readonly apiVersion?: string;
  readonly requestLimitBytes?: number;
  readonly responseLimitBytes?: number;
  readonly cellReadLimit?: number;
  /** How a blank cell reaches a custom function: null (the web, newer desktops) or 0 (some desktop builds). */
  readonly blankArguments?: BlankArguments;
  /** The language of Excel's error messages: code is the same everywhere, the text is not. */
  readonly locale?: "en-US" | "de-DE";
  /** The workbook's number culture (Application.cultureInfo.numberFormat, ExcelApi 1.11). */
  readonly culture?: { readonly decimal: string; readonly group: string };
  /** Excel's own separators, set in Options with "Use system separators" off (Application, ExcelApi 1.11). */
  readonly separators?: { readonly decimal: string; readonly group: string };
  /** Office.context.platform: "OfficeOnline", "PC" or "Mac". */
  readonly platform?: "OfficeOnline" | "PC" | "Mac";
  readonly theme?: FakeOfficeTheme;
}

/**
 * Excel's error messages are localized; only `code` is stable (learn.microsoft.com, "Error
 * handling with the application-specific JavaScript APIs"). The German texts stand for any
 * non-English Excel, so code matching on English text fails here as it would there.
 */
const MESSAGES = {
  "en-US": {
    request: (n: number) => `The request payload size has exceeded the limit (${n} bytes).`,
    response: (n: number) => `The response payload size has exceeded the limit (${n} bytes).`,
    cellEdit: "This operation is not permitted while Excel is in cell-edit mode.",
    lastVisible: "A workbook must contain at least one visible worksheet.",
    hiddenFreeze: "The operation failed because the worksheet is hidden.",
  },
  "de-DE": {
    request: (n: number) => `Die Größe der Anforderungsnutzlast hat den Grenzwert überschritten (${n} Bytes).`,
    response: (n: number) => `Die Größe der Antwortnutzlast hat den Grenzwert überschritten (${n} Bytes).`,
    cellEdit: "Dieser Vorgang ist im Zellbearbeitungsmodus nicht zulässig.",
    lastVisible: "Eine Arbeitsmappe muss mindestens ein sichtbares Arbeitsblatt enthalten.",
    hiddenFreeze: "Der Vorgang ist fehlgeschlagen, weil das Arbeitsblatt ausgeblendet ist.",
  },
};

type Op = { bytes: number; run: () => void };

class PropertyNotLoaded extends Error {
  constructor(what: string) {
    super(`PropertyNotLoaded: ${what} was read before load() and sync()`);
  }
}

function excelError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

/**
 * A number as Excel reads one typed into a cell (en-US): "1.8", "-2", "1e3", "1,234.5" (groups of
 * three), "$1.80" (currency, shown with its format) and "50%" (0.5); undefined for anything else.
 */
export function typedNumber(text: string): number | undefined {
  const m = /^([-+])?(\$)?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)([eE][-+]?\d+)?(%)?$/.exec(text.trim());
  if (!m || (m[2] && m[4])) return undefined;
  const value = Number(`${m[1] ?? ""}${m[3].replace(/,/g, "")}${m[4] ?? ""}`);
  return m[5] ? value / 100 : value;
}

/** What a custom function throws for an error value in its cell (`CustomFunctions.Error`). */
class CustomFunctionError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message ?? code);
  }
}

const size = (v: unknown) => JSON.stringify(v ?? null).length;

/** Resolves in a later task (not a microtask): a message channel in a browser, setImmediate in Node. */
function nextTask(): Promise<void> {
  if (typeof setImmediate === "function") return new Promise((resolve) => setImmediate(resolve));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

class Batch {
  ops: Op[] = [];
  constructor(
    readonly fake: FakeExcel,
    readonly runtime: { enableEvents: boolean },
    /** Excel.run's delayForCellEdit: wait while the user edits a cell instead of failing. */
    readonly delayForCellEdit = false,
  ) {}

  queue(bytes: number, run: () => void, write = false): void {
    this.ops.push({
      bytes: bytes + 40,
      run: () => {
        if (write && this.runtime.enableEvents) this.fake.stats.writesWithEventsOn++;
        run();
      },
    });
  }

  async sync(): Promise<void> {
    const ops = this.ops;
    this.ops = [];
    // context.sync() is a round trip to Excel (a message to the host and its answer): it never
    // completes in the task that called it (learn.microsoft.com, "Excel JavaScript object model":
    // sync "returns a promise that is resolved when the queued commands are executed").
    await nextTask();
    await this.fake.beforeSync?.();
    // A batch sent while the user is editing a cell fails with InvalidOperationInCellEditMode,
    // unless Excel.run was given delayForCellEdit: true, when Excel holds it until the edit ends
    // (learn.microsoft.com, Excel.RunOptions.delayForCellEdit).
    while (this.fake.cellEdit) {
      if (!this.delayForCellEdit) throw excelError("InvalidOperationInCellEditMode", this.fake.messages.cellEdit);
      await this.fake.cellEdit.promise;
    }
    this.fake.stats.syncs++;
    const request = ops.reduce((sum, op) => sum + op.bytes, 0);
    this.fake.stats.requestBytes.push(request);
    if (request > this.fake.limits.request) {
      throw excelError("RequestPayloadSizeLimitExceeded", this.fake.messages.request(request));
    }
    this.fake.response = 0;
    for (const op of ops) op.run();
    this.fake.stats.responseBytes.push(this.fake.response);
    if (this.fake.response > this.fake.limits.response) {
      throw excelError("ResponsePayloadSizeLimitExceeded", this.fake.messages.response(this.fake.response));
    }
    if (ops.length > 0) for (const listener of this.fake.listeners) listener();
  }
}

/** A proxy property that must be loaded and synced before it is read. */
class Loadable {
  protected loaded = new Map<string, unknown>();
  protected get<T>(name: string): T {
    if (!this.loaded.has(name)) throw new PropertyNotLoaded(`${this.constructor.name}.${name}`);
    return this.loaded.get(name) as T;
  }
}

export class FakeExcel {
  readonly stats: FakeExcelStats = {
    runs: 0,
    syncs: 0,
    requestBytes: [],
    responseBytes: [],
    maxCellsRead: 0,
    screenSuspends: 0,
    writesWithEventsOn: 0,
    delayForCellEditRuns: 0,
    coercions: [],
    recalculations: 0,
    brokenReferences: [],
  };
  readonly limits: { request: number; response: number; cells: number };
  response = 0;
  readonly version: number;
  hidden = new Set<string>();
  /** Sheets the user protected (Review > Protect Sheet): their cells cannot be cleared or written. */
  readonly protectedSheets = new Set<string>();
  /** Sheets with an AutoFilter applied, and sheets with rows or columns the user hid. */
  readonly filteredSheets = new Set<string>();
  readonly hiddenRowSheets = new Set<string>();
  /** Awaited before each sync runs: the browser host's round-trip latency, or a hold set by a test. */
  beforeSync?: () => Promise<void> | void;
  /** Called after every sync that did something (the try-it page's grid redraws). */
  readonly listeners = new Set<() => void>();
  /** The custom functions the page associated, by id, as Excel would call them. */
  readonly customFunctions = new Map<string, (...args: unknown[]) => unknown>();
  /** Formulas typed into cells, by "sheet!row:column" (see fakeFormulas.ts). */
  readonly formulas = new Map<string, FormulaCell & { sheet: string; row: number; column: number }>();
  /** Set while the user is editing a cell (startCellEdit); resolved when the edit ends. */
  cellEdit?: { promise: Promise<void>; end: () => void };
  readonly messages: (typeof MESSAGES)["en-US"];
  readonly options: FakeExcelOptions;
  /** The calculation the last `application.calculate` started, for tests to await. */
  calculation: Promise<void> = Promise.resolve();

  constructor(
    readonly workbook: MemoryWorkbook,
    options: FakeExcelOptions = {},
  ) {
    this.limits = {
      request: options.requestLimitBytes ?? 5 * 1024 * 1024,
      response: options.responseLimitBytes ?? 5 * 1024 * 1024,
      cells: options.cellReadLimit ?? 5_000_000,
    };
    this.version = Number((options.apiVersion ?? "1.18").split(".")[1]);
    this.messages = MESSAGES[options.locale ?? "en-US"];
    this.options = options;
  }

  /** The user starts typing in a cell: batches fail or wait until endCellEdit. */
  startCellEdit(): void {
    let end = () => undefined as void;
    const promise = new Promise<void>((resolve) => (end = resolve));
    this.cellEdit = { promise, end };
  }

  endCellEdit(): void {
    const edit = this.cellEdit;
    this.cellEdit = undefined;
    edit?.end();
  }

  /** Types a formula into a cell, as a user would; a UB call is calculated at the next calculate(). */
  setFormula(sheet: string, row: number, column: number, formula: string): void {
    const before = this.formulas.get(`${sheet}!${row}:${column}`);
    if (before?.spill) this.spill(before, [[null]]);
    this.formulas.set(`${sheet}!${row}:${column}`, { sheet, row, column, formula, value: null });
  }

  /**
   * Types into a cell and presses Enter, as a user does in Excel's grid or formula bar: "=..." is a
   * formula, a number is a number, TRUE or FALSE a logical, anything else text; then Excel
   * calculates (automatic calculation, every formula here).
   */
  async enter(sheet: string, row: number, column: number, typed: string): Promise<void> {
    const text = typed.trim();
    const before = this.formulas.get(`${sheet}!${row}:${column}`);
    if (text.startsWith("=")) {
      this.setFormula(sheet, row, column, text);
      if (!parseCall(text)) {
        // This stand-in calculates UB functions only (fakeFormulas.ts); it says so rather than leave the cell blank.
        const cell = this.formulas.get(`${sheet}!${row}:${column}`)!;
        cell.value = "#NAME?";
        cell.message = 'This stand-in for Excel calculates =UB. functions only, written like =UB.BILL("chubbuck", 8000)';
        this.putValue(sheet, row, column, cell.value);
      }
    } else {
      if (before) {
        if (before.spill) this.spill(before, [[null]]);
        this.formulas.delete(`${sheet}!${row}:${column}`);
      }
      this.putValue(
        sheet,
        row,
        column,
        text === "" ? null : (typedNumber(text) ?? (/^(true|false)$/i.test(text) ? text.toUpperCase() === "TRUE" : typed)),
      );
    }
    await this.calculate();
    for (const listener of this.listeners) listener();
  }

  formula(sheet: string, row: number, column: number): FormulaCell | undefined {
    return this.formulas.get(`${sheet}!${row}:${column}`);
  }

  /**
   * Calculates every UB formula as Excel does at open or on a full recalculation, calling the
   * associated functions with arguments as the host passes them (fakeFormulas.ts).
   */
  async calculate(): Promise<void> {
    const blanks = this.options.blankArguments ?? "null";
    const results = new Map<FormulaCell & { sheet: string; row: number; column: number }, CellValue[][]>();
    await Promise.all(
      [...this.formulas.values()].map(async (cell) => {
        const call = parseCall(cell.formula);
        if (!call) return;
        const fn = this.customFunctions.get(call.name);
        try {
          if (!fn) throw new CustomFunctionError("#NAME?");
          const args = call.args.map((text) =>
            argumentValue(
              text,
              (sheet, top, left, height, width) => {
                const values = this.sheet(sheet ?? cell.sheet).values;
                return Array.from({ length: height }, (_, r) =>
                  Array.from({ length: width }, (_, c) => values[top + r]?.[left + c] ?? null),
                );
              },
              blanks,
            ),
          );
          const result = await fn(...args);
          results.set(cell, Array.isArray(result) ? (result as CellValue[][]) : [[result as CellValue]]);
          cell.message = undefined;
        } catch (error) {
          const e = error as { code?: string; message?: string };
          results.set(cell, [[e instanceof CustomFunctionError ? (e.code ?? "#VALUE!") : "#VALUE!"]]);
          cell.message = e.message;
        }
      }),
    );
    for (const [cell, result] of results) this.spill(cell, result);
  }

  /** A value in a cell of the in-memory sheet, as a calculation or an entry leaves it. */
  private putValue(sheet: string, row: number, column: number, value: CellValue): void {
    const values = this.workbook.sheet(sheet)!.values;
    while (values.length <= row) values.push([]);
    values[row][column] = value;
  }

  /**
   * Writes a formula's result into its cell and, for an array, the cells it spills into; when one
   * of those holds something other than this formula's last spill, the cell shows #SPILL!.
   */
  private spill(cell: FormulaCell & { sheet: string; row: number; column: number }, result: CellValue[][]): void {
    const values = this.workbook.sheet(cell.sheet)?.values;
    if (!values) return;
    const at = (r: number, c: number): CellValue => values[r]?.[c] ?? null;
    const put = (r: number, c: number, v: CellValue) => this.putValue(cell.sheet, r, c, v);
    // Clear what the last calculation spilled (not what was typed over it since), then see
    // whether the new result has room.
    const last = cell.spill;
    if (last)
      for (let r = 0; r < last.height; r++)
        for (let c = 0; c < last.width; c++)
          if ((r > 0 || c > 0) && at(cell.row + r, cell.column + c) === (last.values[r]?.[c] ?? null))
            put(cell.row + r, cell.column + c, null);
    const height = result.length;
    const width = Math.max(1, ...result.map((row) => row.length));
    const blocked = result.some((row, r) =>
      row.some(
        (_, c) =>
          (r > 0 || c > 0) && (at(cell.row + r, cell.column + c) !== null || this.formula(cell.sheet, cell.row + r, cell.column + c)),
      ),
    );
    if (blocked && (height > 1 || width > 1)) {
      cell.value = "#SPILL!";
      cell.message = "The spill range isn't blank";
      cell.spill = undefined;
      put(cell.row, cell.column, cell.value);
      return;
    }
    result.forEach((row, r) => row.forEach((v, c) => put(cell.row + r, cell.column + c, v ?? null)));
    cell.value = result[0]?.[0] ?? null;
    cell.spill = { height, width, values: result.map((row) => row.map((v) => v ?? null)) };
  }

  /** Visible sheets, in order. */
  visibleSheets(): string[] {
    return [...this.workbook.sheets.keys()].filter((n) => !this.hidden.has(n));
  }

  /**
   * Deleting a sheet turns every formula that refers to it into #REF! (learn.microsoft.com,
   * "Delete a worksheet": "formulas that refer to the deleted sheet return #REF!").
   */
  breakReferencesTo(name: string): void {
    const quoted = `'${name.replace(/'/g, "''")}'!`.toLowerCase();
    const plain = `${name}!`.toLowerCase();
    for (const cell of this.formulas.values()) {
      const f = cell.formula.toLowerCase();
      if (cell.sheet.toLowerCase() === name.toLowerCase()) continue;
      if (
        f.includes(quoted) ||
        (/^[a-z0-9_]+$/i.test(name) && new RegExp(`(^|[^a-z0-9_'])${plain.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`).test(f))
      ) {
        this.stats.brokenReferences.push(`${cell.sheet}!${cell.row}:${cell.column} ${cell.formula}`);
        cell.formula = "=#REF!";
        cell.value = "#REF!";
      }
    }
  }

  /** The globals Office.js provides: `Excel`, `Office` and, in a shared runtime, `CustomFunctions`. */
  globals(): { Excel: unknown; Office: unknown; CustomFunctions: unknown } {
    const run = async (a: unknown, b?: unknown) => {
      const batch = (typeof a === "function" ? a : b) as (ctx: unknown) => Promise<unknown>;
      const options = (typeof a === "function" ? {} : a) as { delayForCellEdit?: boolean };
      this.stats.runs++;
      if (options.delayForCellEdit) this.stats.delayForCellEditRuns++;
      return batch(new FakeContext(this, options.delayForCellEdit === true));
    };
    return {
      Excel: {
        run,
        ConditionalFormatType: { custom: "Custom" },
        PageOrientation: { portrait: "Portrait", landscape: "Landscape" },
        SheetVisibility: { visible: "Visible", hidden: "Hidden" },
        ClearApplyTo: { all: "All", formats: "Formats", contents: "Contents" },
        CalculationType: { recalculate: "Recalculate", full: "Full", fullRebuild: "FullRebuild" },
        ChartType: {
          line: "Line",
          lineMarkers: "LineMarkers",
          columnClustered: "ColumnClustered",
          barClustered: "BarClustered",
          pie: "Pie",
        },
        ChartSeriesBy: { auto: "Auto", columns: "Columns", rows: "Rows" },
      },
      Office: {
        context: {
          platform: this.options.platform ?? "OfficeOnline",
          diagnostics: { platform: this.options.platform ?? "OfficeOnline", version: "16.0" },
          officeTheme: this.options.theme,
          // Office.Settings (learn.microsoft.com, "Persist add-in state and settings"): set() keeps
          // a value in memory only; saveAsync() stores the settings in the document, so a value
          // set but never saved is gone when the document is opened again.
          document: { settings: this.documentSettings() },
          requirements: {
            isSetSupported: (name: string, version: string) => name === "ExcelApi" && Number(version.split(".")[1] ?? 0) <= this.version,
          },
        },
        onReady: (callback?: (info: unknown) => void) => {
          const info = { host: "Excel", platform: "OfficeOnline" };
          callback?.(info);
          return Promise.resolve(info);
        },
        HostType: { Excel: "Excel" },
        PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac", iOS: "iOS", Android: "Android", Universal: "Universal" },
      },
      CustomFunctions: {
        associate: (id: string, fn: (...args: unknown[]) => unknown) => void this.customFunctions.set(id.toUpperCase(), fn),
        Error: CustomFunctionError,
        ErrorCode: {
          invalidValue: "#VALUE!",
          notAvailable: "#N/A",
          divisionByZero: "#DIV/0!",
          invalidNumber: "#NUM!",
          nullReference: "#NULL!",
        },
      },
    };
  }

  /** Office.context.document.settings over the workbook's saved settings (stored as JSON text, as Office does). */
  private documentSettings(): FakeSettings {
    const saved = this.workbook.documentSettings;
    const pending = new Map<string, string | undefined>();
    return {
      get: (name) => {
        const text = pending.has(name) ? pending.get(name) : saved.get(name);
        return text === undefined ? null : (JSON.parse(text) as unknown);
      },
      set: (name, value) => void pending.set(name, JSON.stringify(value)),
      remove: (name) => void pending.set(name, undefined),
      saveAsync: (callback) => {
        for (const [name, text] of pending) {
          if (text === undefined) saved.delete(name);
          else saved.set(name, text);
        }
        pending.clear();
        setTimeout(() => callback?.({ status: "succeeded" }), 0);
      },
    };
  }

  /** Installs the globals for code under test; returns the function that removes them. */
  install(target: Record<string, unknown> = globalThis as Record<string, unknown>): () => void {
    const g = this.globals();
    const before = { Excel: target.Excel, Office: target.Office, CustomFunctions: target.CustomFunctions };
    Object.assign(target, g);
    return () => void Object.assign(target, before);
  }

  sheet(name: string): MemorySheet {
    const sheet = this.workbook.sheet(name);
    if (!sheet) throw excelError("ItemNotFound", `The requested resource doesn't exist: worksheet "${name}".`);
    return sheet;
  }

  realName(name: string): string | undefined {
    return [...this.workbook.sheets.keys()].find((k) => k.toLowerCase() === name.toLowerCase());
  }
}

class FakeContext {
  readonly batch: Batch;
  readonly runtime: FakeRuntime;
  readonly application: FakeApplication;
  readonly workbook: { worksheets: FakeWorksheets; application: FakeApplication };

  constructor(
    readonly fake: FakeExcel,
    delayForCellEdit = false,
  ) {
    this.runtime = new FakeRuntime(this);
    this.batch = new Batch(fake, this.runtime.state, delayForCellEdit);
    this.application = new FakeApplication(this);
    this.workbook = { worksheets: new FakeWorksheets(this), application: this.application };
  }

  sync(): Promise<void> {
    return this.batch.sync();
  }
}

class FakeApplication extends Loadable {
  constructor(private readonly ctx: FakeContext) {
    super();
  }
  load(_props: string) {
    const fake = this.ctx.fake;
    this.ctx.batch.queue(20, () => {
      const own = fake.options.separators;
      this.loaded.set("useSystemSeparators", own === undefined);
      this.loaded.set("decimalSeparator", own?.decimal ?? fake.options.culture?.decimal ?? ".");
      this.loaded.set("thousandsSeparator", own?.group ?? fake.options.culture?.group ?? ",");
    });
    return this;
  }
  get useSystemSeparators(): boolean {
    return this.get("useSystemSeparators");
  }
  get decimalSeparator(): string {
    return this.get("decimalSeparator");
  }
  get thousandsSeparator(): string {
    return this.get("thousandsSeparator");
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.ctx.batch.queue(10, () => this.ctx.fake.stats.screenSuspends++);
  }
  /** Application.calculate (ExcelApi 1.1): a full calculation runs every formula, UB ones included. */
  calculate(type: string): void {
    this.ctx.batch.queue(10, () => {
      if (type !== "Full" && type !== "FullRebuild") return;
      this.ctx.fake.stats.recalculations++;
      this.ctx.fake.calculation = this.ctx.fake.calculate();
    });
  }
  /** Application.cultureInfo (ExcelApi 1.11): the separators Excel uses to read and show numbers. */
  get cultureInfo() {
    const fake = this.ctx.fake;
    const ctx = this.ctx;
    if (fake.version < 11) throw new TypeError("application.cultureInfo needs ExcelApi 1.11");
    const numberFormat = new (class extends Loadable {
      load(_props: string) {
        ctx.batch.queue(20, () => {
          this.loaded.set("numberDecimalSeparator", fake.options.culture?.decimal ?? ".");
          this.loaded.set("numberGroupSeparator", fake.options.culture?.group ?? ",");
        });
        return this;
      }
      get numberDecimalSeparator(): string {
        return this.get("numberDecimalSeparator");
      }
      get numberGroupSeparator(): string {
        return this.get("numberGroupSeparator");
      }
    })();
    return { numberFormat };
  }
}

class FakeRuntime extends Loadable {
  readonly state = { enableEvents: true };
  constructor(private readonly ctx: FakeContext) {
    super();
  }
  load(_props: string) {
    this.ctx.batch.queue(20, () => this.loaded.set("enableEvents", this.state.enableEvents));
    return this;
  }
  get enableEvents(): boolean {
    return this.get("enableEvents");
  }
  set enableEvents(value: boolean) {
    this.ctx.batch.queue(20, () => (this.state.enableEvents = value));
  }
}

class FakeWorksheets extends Loadable {
  constructor(private readonly ctx: FakeContext) {
    super();
  }
  load(_props: string) {
    this.ctx.batch.queue(20, () => {
      const names = [...this.ctx.fake.workbook.sheets.keys()];
      this.ctx.fake.response += size(names);
      this.loaded.set(
        "items",
        names.map((n) => new FakeWorksheet(this.ctx, n, false, true, this.ctx.fake.hidden.has(n) ? "Hidden" : "Visible")),
      );
    });
    return this;
  }
  get items(): FakeWorksheet[] {
    return this.get("items");
  }
  getItem(name: string) {
    return new FakeWorksheet(this.ctx, name, false);
  }
  getItemOrNullObject(name: string) {
    return new FakeWorksheet(this.ctx, name, true);
  }
  add(name: string) {
    const ws = new FakeWorksheet(this.ctx, name, false);
    this.ctx.batch.queue(
      size(name),
      () => {
        if (this.ctx.fake.realName(name)) throw excelError("ItemAlreadyExists", `A worksheet named "${name}" already exists.`);
        this.ctx.fake.workbook.sheets.set(name, emptySheet());
      },
      true,
    );
    return ws;
  }
}

class FakeWorksheet extends Loadable {
  private current: string;
  constructor(
    readonly ctx: FakeContext,
    name: string,
    private readonly orNull: boolean,
    preloaded = false,
    visibility?: string,
  ) {
    super();
    this.current = name;
    if (preloaded) this.loaded.set("name", name);
    if (visibility) this.loaded.set("visibility", visibility);
    if (orNull) {
      ctx.batch.queue(10, () => this.loaded.set("isNullObject", ctx.fake.realName(this.current) === undefined));
    }
  }
  get fake() {
    return this.ctx.fake;
  }
  /** The sheet's current name (it changes when the proxy renames the sheet). */
  name_(): string {
    return this.current;
  }
  resolve(): MemorySheet {
    return this.fake.sheet(this.current);
  }
  get isNullObject(): boolean {
    return this.get("isNullObject");
  }
  get name(): string {
    return this.get("name");
  }
  set name(value: string) {
    this.ctx.batch.queue(
      size(value),
      () => {
        const old = this.fake.realName(this.current)!;
        const entries = [...this.fake.workbook.sheets.entries()];
        this.fake.workbook.sheets.clear();
        for (const [n, s] of entries) this.fake.workbook.sheets.set(n === old ? value : n, s);
        if (this.fake.hidden.delete(old)) this.fake.hidden.add(value);
        this.current = value;
      },
      true,
    );
  }
  get position(): number {
    return this.get("position");
  }
  set position(value: number) {
    this.ctx.batch.queue(
      10,
      () => {
        const name = this.fake.realName(this.current)!;
        const entries = [...this.fake.workbook.sheets.entries()].filter(([n]) => n !== name);
        entries.splice(value, 0, [name, this.resolve()]);
        this.fake.workbook.sheets.clear();
        for (const [n, s] of entries) this.fake.workbook.sheets.set(n, s);
      },
      true,
    );
  }
  get visibility(): string {
    return this.get("visibility");
  }
  set visibility(value: string) {
    this.ctx.batch.queue(
      10,
      () => {
        const name = this.fake.realName(this.current)!;
        // The last visible sheet cannot be hidden (learn.microsoft.com, Excel.Worksheet.visibility).
        const visible = this.fake.visibleSheets();
        if (value === "Hidden" && visible.length === 1 && visible[0] === name)
          throw excelError("InvalidOperation", this.fake.messages.lastVisible);
        if (value === "Hidden") this.fake.hidden.add(name);
        else this.fake.hidden.delete(name);
      },
      true,
    );
  }
  load(props: string) {
    this.ctx.batch.queue(20, () => {
      const real = this.fake.realName(this.current);
      if (real === undefined) {
        if (this.orNull) return;
        throw excelError("ItemNotFound", `worksheet "${this.current}" does not exist`);
      }
      for (const p of props.split(",").map((s) => s.trim())) {
        if (p === "name") this.loaded.set("name", real);
        if (p === "position") this.loaded.set("position", [...this.fake.workbook.sheets.keys()].indexOf(real));
        if (p === "visibility") this.loaded.set("visibility", this.fake.hidden.has(real) ? "Hidden" : "Visible");
      }
    });
    return this;
  }
  /**
   * Deletes the sheet, and the charts on it with it (they are held on its MemorySheet): Excel keeps
   * a chart on the worksheet it was added to (learn.microsoft.com, Excel.ChartCollection: "A
   * collection of all the chart objects on a worksheet").
   */
  delete() {
    this.ctx.batch.queue(
      10,
      () => {
        const real = this.fake.realName(this.current);
        if (real === undefined) throw excelError("ItemNotFound", `worksheet "${this.current}" does not exist`);
        // The last visible sheet cannot be deleted (learn.microsoft.com, Excel.Worksheet.delete).
        const visible = this.fake.visibleSheets();
        if (visible.length === 1 && visible[0] === real) throw excelError("InvalidOperation", this.fake.messages.lastVisible);
        this.fake.workbook.sheets.delete(real);
        this.fake.hidden.delete(real);
        this.fake.breakReferencesTo(real);
      },
      true,
    );
  }
  activate() {
    this.ctx.batch.queue(10, () => void this.resolve());
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean) {
    // On a worksheet that is itself a null object, the used range is a null object too.
    return new FakeRange(
      this,
      () => (this.fake.realName(this.current) === undefined && this.orNull ? null : usedArea(this.resolve())),
      true,
    );
  }
  getRangeByIndexes(top: number, left: number, height: number, width: number) {
    return new FakeRange(this, () => ({ top, left, height, width }), false);
  }
  getRange(address?: string) {
    return new FakeRange(this, () => (address ? parseAddress(address) : { top: 0, left: 0, height: 1048576, width: 16384 }), false);
  }
  /** Worksheet.protection (ExcelApi 1.2). */
  get protection() {
    const ws = this;
    return new (class extends Loadable {
      load(_props: string) {
        ws.ctx.batch.queue(20, () => this.loaded.set("protected", ws.fake.protectedSheets.has(ws.fake.realName(ws.current) ?? "")));
        return this;
      }
      get protected(): boolean {
        return this.get("protected");
      }
    })();
  }
  /** Worksheet.autoFilter (ExcelApi 1.9): remove() takes the filter off, showing every row. */
  get autoFilter() {
    return { remove: () => this.ctx.batch.queue(10, () => void this.fake.filteredSheets.delete(this.fake.realName(this.current)!), true) };
  }
  /** Freeze panes on a hidden sheet has been reported to throw (office-js #1463): the fake throws. */
  get freezePanes() {
    return {
      freezeRows: (_rows: number) =>
        this.ctx.batch.queue(
          10,
          () => {
            this.resolve();
            if (this.fake.hidden.has(this.fake.realName(this.current)!))
              throw excelError("GeneralException", this.fake.messages.hiddenFreeze);
          },
          true,
        ),
      unfreeze: () => this.ctx.batch.queue(10, () => void this.resolve(), true),
    };
  }
  get notes() {
    if (this.fake.version < 18) throw new TypeError("worksheet.notes needs ExcelApi 1.18");
    return new FakeNotes(this);
  }
  /** Worksheet.charts (ExcelApi 1.1). */
  get charts() {
    return new FakeCharts(this);
  }
  private setup(fn: (p: NonNullable<MemorySheet["printSetup"]>) => void, bytes = 20) {
    this.ctx.batch.queue(
      bytes,
      () => {
        const sheet = this.resolve();
        sheet.printSetup ??= { pageBreaks: [] };
        fn(sheet.printSetup);
      },
      true,
    );
  }
  get pageLayout() {
    const ws = this;
    return {
      set orientation(value: string) {
        ws.setup((p) => (p.orientation = value));
      },
      setPrintArea(range: FakeRange) {
        ws.setup((p) => {
          const b = range.box();
          p.printArea = `A${b.top + 1}:${columnLetter(b.left + b.width - 1)}${b.top + b.height}`;
        });
      },
      setPrintTitleRows(rows: string) {
        ws.setup((p) => (p.titleRows = rows));
      },
      set zoom(value: { horizontalFitToPages?: number; scale?: number }) {
        ws.setup((p) => {
          p.fitToWidth = value.horizontalFitToPages === 1;
          // PageLayoutZoomOptions.scale: 10 to 400 percent (learn.microsoft.com, Excel.PageLayoutZoomOptions).
          if (value.scale !== undefined && (value.scale < 10 || value.scale > 400))
            throw excelError("InvalidArgument", "zoom scale must be from 10 to 400");
          p.scale = value.scale;
        });
      },
      set paperSize(value: string) {
        ws.setup((p) => (p.paper = value));
      },
      // Excel.PageLayout.headersFooters (ExcelApi 1.9; learn.microsoft.com, Excel.HeaderFooterGroup):
      // the default header and footer of every page, in Excel's codes ("&A", "Page &P of &N").
      get headersFooters() {
        return {
          defaultForAllPages: {
            set centerHeader(value: string) {
              ws.setup((p) => (p.centerHeader = value));
            },
            set leftFooter(value: string) {
              ws.setup((p) => (p.leftFooter = value));
            },
            set rightFooter(value: string) {
              ws.setup((p) => (p.rightFooter = value));
            },
          },
        };
      },
    };
  }
  /**
   * Excel keeps at most 1,026 manual horizontal page breaks on a sheet (MS-XLS HorizontalPageBreaks,
   * MS-XLSB BrtBeginRwBrk; ../shared/OFFICE_NOTES.md): the 1,027th fails the batch.
   */
  get horizontalPageBreaks() {
    return {
      add: (address: string) =>
        this.setup((p) => {
          if (p.pageBreaks.length >= EXCEL_MAX_PAGE_BREAKS)
            throw excelError("GeneralException", `a sheet holds at most ${EXCEL_MAX_PAGE_BREAKS} manual page breaks`);
          p.pageBreaks.push(parseAddress(address).top);
        }),
      removePageBreaks: () => this.setup((p) => (p.pageBreaks = [])),
    };
  }
}

type AreaBox = { top: number; left: number; height: number; width: number } | null;

function usedArea(sheet: MemorySheet): AreaBox {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  sheet.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null || v === "") return;
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }),
  );
  return bottom < 0 ? null : { top, left, height: bottom - top + 1, width: right - left + 1 };
}

function parseAddress(address: string): { top: number; left: number; height: number; width: number } {
  const ref = address.split("!").pop()!.replace(/\$/g, "");
  const [a, b] = ref.split(":");
  const cell = (s: string) => {
    const m = /^([A-Z]+)(\d+)$/i.exec(s)!;
    const col =
      m[1]
        .toUpperCase()
        .split("")
        .reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    return { row: Number(m[2]) - 1, col };
  };
  const p = cell(a);
  const q = b ? cell(b) : p;
  return { top: p.row, left: p.col, height: q.row - p.row + 1, width: q.col - p.col + 1 };
}

const key = (r: number, c: number) => `${r}:${c}`;

/** The most characters a cell holds (Excel specifications and limits). */
const CELL_CHARACTERS = 32_767;

/** What Office.context.document.settings offers, as the add-in uses it. */
export interface FakeSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback?: (result: { status: "succeeded" | "failed" }) => void): void;
}

class FakeRange extends Loadable {
  constructor(
    readonly ws: FakeWorksheet,
    private readonly area: () => AreaBox,
    private readonly orNull: boolean,
  ) {
    super();
  }
  box() {
    const box = this.area();
    if (!box) throw excelError("ItemNotFound", "the range is empty");
    return box;
  }
  get isNullObject(): boolean {
    return this.get("isNullObject");
  }
  load(props: string) {
    const queue = this.ws.ctx.batch;
    queue.queue(20, () => {
      const box = this.area();
      if (this.orNull) this.loaded.set("isNullObject", box === null);
      if (!box) return;
      const sheet = this.ws.resolve();
      for (const p of props.split(",").map((s) => s.trim())) {
        if (p === "values") {
          const cells = box.height * box.width;
          this.ws.fake.stats.maxCellsRead = Math.max(this.ws.fake.stats.maxCellsRead, cells);
          if (cells > this.ws.fake.limits.cells)
            throw excelError("ResponsePayloadSizeLimitExceeded", `a read of ${cells} cells is over Excel's limit`);
          const values = Array.from({ length: box.height }, (_, r) =>
            Array.from({ length: box.width }, (_, c) => sheet.values[box.top + r]?.[box.left + c] ?? ""),
          );
          this.ws.fake.response += size(values);
          this.loaded.set("values", values);
        } else if (p === "rowIndex") this.loaded.set(p, box.top);
        else if (p === "columnIndex") this.loaded.set(p, box.left);
        else if (p === "rowCount") this.loaded.set(p, box.height);
        else if (p === "columnCount") this.loaded.set(p, box.width);
        else if (p === "address")
          this.loaded.set(
            p,
            `${cellAddress(this.ws.fake.realName(this.ws.name_()) ?? "", box.top, box.left)}${box.height * box.width > 1 ? `:${columnLetter(box.left + box.width - 1)}${box.top + box.height}` : ""}`,
          );
      }
    });
    return this;
  }
  get values(): CellValue[][] {
    return this.get("values");
  }
  set values(rows: CellValue[][]) {
    this.ws.ctx.batch.queue(
      size(rows),
      () => {
        const box = this.box();
        if (rows.length !== box.height || rows.some((r) => r.length !== box.width))
          throw excelError("InvalidArgument", "values do not match the range's size");
        // A cell holds at most 32,767 characters ("Excel specifications and limits",
        // support.microsoft.com: "Total number of characters that a cell can contain"); longer text
        // is refused, and the whole request with it.
        if (rows.some((r) => r.some((v) => typeof v === "string" && v.length > CELL_CHARACTERS)))
          throw excelError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
        const sheet = this.ws.resolve();
        rows.forEach((row, i) =>
          row.forEach((v, j) => {
            const r = box.top + i;
            const c = box.left + j;
            if (typeof v === "string" && v !== "" && sheet.numberFormats.get(key(r, c)) !== "@" && /^[=+\-@]|^\d+([./]\d+)*$/.test(v))
              this.ws.fake.stats.coercions.push(v);
            while (sheet.values.length <= r) sheet.values.push([]);
            while (sheet.values[r].length < c) sheet.values[r].push(null);
            sheet.values[r][c] = v === "" ? null : v;
          }),
        );
      },
      true,
    );
  }
  /** Range.rowHidden / columnHidden (ExcelApi 1.2): false shows the user's hidden rows or columns. */
  set rowHidden(value: boolean) {
    this.ws.ctx.batch.queue(
      10,
      () => void (value ? undefined : this.ws.fake.hiddenRowSheets.delete(this.ws.fake.realName(this.ws.name_())!)),
      true,
    );
  }
  set columnHidden(_value: boolean) {
    this.ws.ctx.batch.queue(10, () => void this.box(), true);
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get address(): string {
    return this.get("address");
  }
  set numberFormat(rows: string[][]) {
    this.ws.ctx.batch.queue(
      size(rows),
      () => {
        const box = this.box();
        const sheet = this.ws.resolve();
        rows.forEach((row, i) => row.forEach((f, j) => sheet.numberFormats.set(key(box.top + i, box.left + j), f)));
      },
      true,
    );
  }
  get format() {
    const range = this;
    const each = (fn: (sheet: MemorySheet, r: number, c: number) => void) => () => {
      const box = range.box();
      const sheet = range.ws.resolve();
      for (let r = box.top; r < box.top + box.height; r++) for (let c = box.left; c < box.left + box.width; c++) fn(sheet, r, c);
    };
    return {
      fill: {
        set color(value: string) {
          range.ws.ctx.batch.queue(
            size(value),
            each((s, r, c) => s.fills.set(key(r, c), value)),
            true,
          );
        },
        clear() {
          range.ws.ctx.batch.queue(
            10,
            each((s, r, c) => s.fills.delete(key(r, c))),
            true,
          );
        },
      },
      font: {
        set bold(_value: boolean) {
          range.ws.ctx.batch.queue(10, () => void range.box(), true);
        },
      },
      set wrapText(_value: boolean) {
        range.ws.ctx.batch.queue(10, () => void range.box(), true);
      },
      autofitRows() {
        range.ws.ctx.batch.queue(10, () => void range.box(), true);
      },
      set columnWidth(_value: number) {
        range.ws.ctx.batch.queue(10, () => void range.box(), true);
      },
      /** RangeFormat.useStandardHeight (ExcelApi 1.2): rows back to the sheet's standard height. */
      set useStandardHeight(value: boolean) {
        range.ws.ctx.batch.queue(
          10,
          () => {
            if (value) range.ws.resolve().rowHeight = undefined;
          },
          true,
        );
      },
      /** RangeFormat.rowHeight: points, 0 to 409 (learn.microsoft.com, Excel.RangeFormat). */
      set rowHeight(value: number) {
        range.ws.ctx.batch.queue(
          10,
          () => {
            if (!(value >= 0 && value <= 409)) throw excelError("InvalidArgument", "rowHeight must be from 0 to 409 points");
            const sheet = range.ws.resolve();
            sheet.rowHeight = value;
          },
          true,
        );
      },
    };
  }
  /**
   * Range.clear(All): values, number formats, fills and conditional formats go; row heights, hidden
   * rows and filters stay (learn.microsoft.com, Excel.Range.clear), and so do charts, which float
   * over the cells rather than live in them.
   */
  clear(_applyTo?: string) {
    this.ws.ctx.batch.queue(
      10,
      () => {
        const box = this.box();
        const sheet = this.ws.resolve();
        if (this.ws.fake.protectedSheets.has(this.ws.fake.realName(this.ws.name_())!))
          throw excelError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.");
        for (let r = box.top; r < Math.min(box.top + box.height, sheet.values.length); r++) {
          const row = sheet.values[r];
          for (let c = box.left; c < Math.min(box.left + box.width, row.length); c++) row[c] = null;
        }
        const inside = (k: string) => {
          const [r, c] = k.split(":").map(Number);
          return r >= box.top && r < box.top + box.height && c >= box.left && c < box.left + box.width;
        };
        for (const k of [...sheet.numberFormats.keys()]) if (inside(k)) sheet.numberFormats.delete(k);
        for (const k of [...sheet.fills.keys()]) if (inside(k)) sheet.fills.delete(k);
        if (box.height >= 1048576 && box.width >= 16384) {
          while (sheet.values.length > 0 && sheet.values[sheet.values.length - 1].every((v) => v === null)) sheet.values.pop();
          sheet.highlights = [];
        }
      },
      true,
    );
  }
  getEntireColumn() {
    return new FakeRange(this.ws, () => ({ ...this.box(), top: 0, height: 1048576 }), false);
  }
  select() {
    this.ws.ctx.batch.queue(10, () => {
      const box = this.box();
      this.ws.fake.workbook.selection = { sheet: this.ws.fake.realName(this.ws.name_())!, row: box.top, column: box.left };
    });
  }
  get conditionalFormats() {
    return new FakeConditionalFormats(this, () => this.box());
  }
}

class FakeConditionalFormats extends Loadable {
  constructor(
    private readonly range: FakeRange,
    private readonly box: () => { top: number; left: number; height: number; width: number },
  ) {
    super();
  }
  load(_props: string) {
    this.range.ws.ctx.batch.queue(20, () => {
      const sheet = this.range.ws.resolve();
      const b = this.box();
      const inside = sheet.highlights.filter(
        (h) =>
          h.area.top < b.top + b.height &&
          h.area.top + h.area.height > b.top &&
          h.area.left < b.left + b.width &&
          h.area.left + h.area.width > b.left,
      );
      this.range.ws.fake.response += size(inside);
      this.loaded.set(
        "items",
        inside.map((h) => new FakeConditionalFormat(this.range, h)),
      );
    });
    return this;
  }
  get items(): FakeConditionalFormat[] {
    return this.get("items");
  }
  add(_type: string) {
    const cf = new FakeConditionalFormat(this.range, null);
    this.range.ws.ctx.batch.queue(
      30,
      () => {
        const entry = { area: this.box(), formula: "", fill: "" } as { area: Highlight["area"]; formula: string; fill: string };
        this.range.ws.resolve().highlights.push(entry);
        cf.entry = entry;
      },
      true,
    );
    return cf;
  }
}

class FakeConditionalFormat extends Loadable {
  constructor(
    private readonly range: FakeRange,
    public entry: { area: Highlight["area"]; formula: string; fill: string } | null,
  ) {
    super();
    this.loaded.set("type", "Custom");
  }
  get type(): string {
    return this.get("type");
  }
  get customOrNullObject() {
    const cf = this;
    const rule = new (class extends Loadable {
      load(_p: string) {
        cf.range.ws.ctx.batch.queue(20, () => {
          this.loaded.set("isNullObject", cf.entry === null);
          this.loaded.set("formula", cf.entry?.formula ?? "");
          cf.range.ws.fake.response += size(cf.entry?.formula);
        });
        return this;
      }
      get formula(): string {
        return this.get("formula");
      }
      get isNullObject(): boolean {
        return this.get("isNullObject");
      }
    })();
    return { rule };
  }
  get custom() {
    const cf = this;
    const queue = (bytes: number, fn: () => void) => cf.range.ws.ctx.batch.queue(bytes, fn, true);
    return {
      rule: {
        set formula(value: string) {
          queue(size(value), () => (cf.entry!.formula = value));
        },
      },
      format: {
        fill: {
          set color(value: string) {
            queue(size(value), () => (cf.entry!.fill = value));
          },
        },
      },
    };
  }
  delete() {
    this.range.ws.ctx.batch.queue(
      10,
      () => {
        const sheet = this.range.ws.resolve();
        sheet.highlights = sheet.highlights.filter((h) => h !== this.entry);
      },
      true,
    );
  }
}

class FakeNotes extends Loadable {
  constructor(private readonly ws: FakeWorksheet) {
    super();
  }
  load(_props: string) {
    this.ws.ctx.batch.queue(20, () => {
      const sheet = this.ws.resolve();
      this.ws.fake.response += size([...sheet.notes]);
      this.loaded.set(
        "items",
        [...sheet.notes.keys()].map((address) => new FakeNote(this.ws, address, sheet.notes.get(address)!)),
      );
    });
    return this;
  }
  get items(): FakeNote[] {
    return this.get("items");
  }
  add(cell: FakeRange | string, content: string) {
    this.ws.ctx.batch.queue(
      size(content) + 20,
      () => {
        const box = typeof cell === "string" ? parseAddress(cell) : cell.box();
        const address = `${columnLetter(box.left)}${box.top + 1}`;
        const sheet = this.ws.resolve();
        if (sheet.notes.has(address)) throw excelError("InvalidArgument", `cell ${address} already has a note`);
        sheet.notes.set(address, content);
      },
      true,
    );
  }
}

class FakeNote extends Loadable {
  constructor(
    private readonly ws: FakeWorksheet,
    private readonly address: string,
    content: string,
  ) {
    super();
    this.loaded.set("content", content);
  }
  get content(): string {
    return this.get("content");
  }
  getLocation() {
    const note = this;
    return new (class extends Loadable {
      load(_p: string) {
        note.ws.ctx.batch.queue(20, () => this.loaded.set("address", `${note.ws.name_()}!${note.address}`));
        return this;
      }
      get address(): string {
        return this.get("address");
      }
    })();
  }
  delete() {
    this.ws.ctx.batch.queue(10, () => void this.ws.resolve().notes.delete(this.address), true);
  }
}

/**
 * Excel.ChartType's values (learn.microsoft.com, Excel.ChartType; ExcelApi 1.1): `charts.add` is
 * refused with InvalidArgument for any other string.
 */
const CHART_TYPES = new Set(
  (
    "ColumnClustered ColumnStacked ColumnStacked100 3DColumnClustered 3DColumnStacked 3DColumnStacked100 BarClustered " +
    "BarStacked BarStacked100 3DBarClustered 3DBarStacked 3DBarStacked100 LineStacked LineStacked100 LineMarkers " +
    "LineMarkersStacked LineMarkersStacked100 PieOfPie PieExploded 3DPieExploded BarOfPie XYScatterSmooth " +
    "XYScatterSmoothNoMarkers XYScatterLines XYScatterLinesNoMarkers AreaStacked AreaStacked100 3DAreaStacked " +
    "3DAreaStacked100 DoughnutExploded RadarMarkers RadarFilled Surface SurfaceWireframe SurfaceTopView " +
    "SurfaceTopViewWireframe Bubble Bubble3DEffect StockHLC StockOHLC StockVHLC StockVOHLC CylinderColClustered " +
    "CylinderColStacked CylinderColStacked100 CylinderBarClustered CylinderBarStacked CylinderBarStacked100 CylinderCol " +
    "ConeColClustered ConeColStacked ConeColStacked100 ConeBarClustered ConeBarStacked ConeBarStacked100 ConeCol " +
    "PyramidColClustered PyramidColStacked PyramidColStacked100 PyramidBarClustered PyramidBarStacked " +
    "PyramidBarStacked100 PyramidCol 3DColumn Line 3DLine 3DPie Pie XYScatter 3DArea Area Doughnut Radar Histogram " +
    "Boxwhisker Pareto RegionMap Treemap Waterfall Sunburst Funnel"
  ).split(" "),
);

/** An A1 address on the chart's own sheet: "B2" or "B2:B13". */
function areaAddress(top: number, left: number, height: number, width: number): string {
  const start = `${columnLetter(left)}${top + 1}`;
  return height === 1 && width === 1 ? start : `${start}:${columnLetter(left + width - 1)}${top + height}`;
}

/**
 * The chart Excel makes from a source range. Given only a range, Excel guesses which cells are
 * series names and category labels (learn.microsoft.com, SeriesCollection.Add: when SeriesLabels or
 * CategoryLabels is omitted, "Microsoft Excel attempts to determine the location ... from the
 * contents of the first row or column"). The fake guesses as Excel is known to: the first row
 * names the series when it holds text and no number (the corner aside when it is blank); the
 * first column holds the categories only when the corner cell is blank or the column holds text.
 * So a column of numbers (dates, a band's lower bound) under a header becomes one more series. On
 * the web, seriesBy "Auto" is "Columns" (learn.microsoft.com, Excel.ChartSeriesBy).
 */
function chartFrom(type: string, box: NonNullable<AreaBox>, values: CellValue[][], seriesBy: string, name: string): MemoryChart {
  const byRows = seriesBy === "Rows";
  const lines = byRows ? box.height : box.width;
  const length = byRows ? box.width : box.height;
  const at = (line: number, j: number): CellValue =>
    (byRows ? values[box.top + line]?.[box.left + j] : values[box.top + j]?.[box.left + line]) ?? null;
  const address = (line: number, from: number) =>
    byRows
      ? areaAddress(box.top + line, box.left + from, 1, length - from)
      : areaAddress(box.top + from, box.left + line, length - from, 1);
  const text = (v: CellValue) => typeof v === "string" && v !== "";
  const corner = at(0, 0);
  const blankCorner = corner === null || corner === "";
  const heads = Array.from({ length: lines }, (_, i) => at(i, 0)).slice(blankCorner ? 1 : 0);
  const named = length > 1 && heads.every((v) => typeof v !== "number") && heads.some(text);
  const start = named ? 1 : 0;
  const labels = Array.from({ length: length - start }, (_, j) => at(0, start + j));
  const labelled = lines > 1 && (blankCorner || labels.some(text));
  const categories = labelled ? address(0, start) : undefined;
  const series = Array.from({ length: lines - (labelled ? 1 : 0) }, (_, k) => {
    const line = k + (labelled ? 1 : 0);
    return {
      name: named ? String(at(line, 0) ?? "") : `Series${k + 1}`,
      values: address(line, start),
      ...(categories ? { categories } : {}),
    };
  });
  return { name, type, source: areaAddress(box.top, box.left, box.height, box.width), series };
}

/** Worksheet.charts: the charts on one sheet (learn.microsoft.com, Excel.ChartCollection, ExcelApi 1.1). */
class FakeCharts extends Loadable {
  constructor(private readonly ws: FakeWorksheet) {
    super();
  }
  load(_props: string) {
    this.ws.ctx.batch.queue(20, () => {
      const charts = this.ws.resolve().charts ?? [];
      this.ws.fake.response += size(charts.map((c) => c.name));
      this.loaded.set(
        "items",
        charts.map((c) => new FakeChart(this.ws, c)),
      );
    });
    return this;
  }
  get items(): FakeChart[] {
    return this.get("items");
  }
  /** ChartCollection.getCount (ExcelApi 1.4). */
  getCount() {
    if (this.ws.fake.version < 4) throw new TypeError("charts.getCount needs ExcelApi 1.4");
    const ws = this.ws;
    const result = new (class extends Loadable {
      get value(): number {
        return this.get("value");
      }
      set(count: number) {
        this.loaded.set("value", count);
      }
    })();
    ws.ctx.batch.queue(20, () => result.set((ws.resolve().charts ?? []).length));
    return result;
  }
  /**
   * ChartCollection.add(type, sourceData, seriesBy): an unknown type or seriesBy is refused with
   * InvalidArgument (learn.microsoft.com, Excel.ChartCollection.add, Excel.ChartType). The new
   * chart is named "Chart N" as Excel names it, N one more than the sheet's charts.
   */
  add(type: string, source: FakeRange, seriesBy: string = "Auto") {
    const chart = new FakeChart(this.ws, null);
    this.ws.ctx.batch.queue(
      60,
      () => {
        if (!CHART_TYPES.has(type) || !["Auto", "Columns", "Rows"].includes(seriesBy))
          throw excelError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
        const sheet = this.ws.resolve();
        sheet.charts ??= [];
        const record = chartFrom(type, source.box(), source.ws.resolve().values, seriesBy, `Chart ${sheet.charts.length + 1}`);
        sheet.charts.push(record);
        chart.record = record;
      },
      true,
    );
    return chart;
  }
}

/** One chart (learn.microsoft.com, Excel.Chart): title, axis titles, position and name are ExcelApi 1.1. */
class FakeChart extends Loadable {
  constructor(
    private readonly ws: FakeWorksheet,
    public record: MemoryChart | null,
  ) {
    super();
    if (record) this.loaded.set("name", record.name);
  }
  /** The chart as it is now: a chart deleted (or never added) is ItemNotFound. */
  private live(): MemoryChart {
    if (!this.record || !(this.ws.resolve().charts ?? []).includes(this.record))
      throw excelError("ItemNotFound", "The chart doesn't exist.");
    return this.record;
  }
  private change(bytes: number, fn: (chart: MemoryChart) => void): void {
    this.ws.ctx.batch.queue(bytes, () => fn(this.live()), true);
  }
  load(_props: string) {
    this.ws.ctx.batch.queue(20, () => this.loaded.set("name", this.live().name));
    return this;
  }
  get name(): string {
    return this.get("name");
  }
  set name(value: string) {
    this.change(size(value), (c) => (c.name = value));
  }
  get title() {
    const chart = this;
    return {
      set text(value: string) {
        chart.change(size(value), (c) => (c.title = value));
      },
    };
  }
  get axes() {
    const chart = this;
    const version = this.ws.fake.version;
    return {
      categoryAxis: {
        title: {
          set text(value: string) {
            chart.change(size(value), (c) => (c.categoryTitle = value));
          },
        },
      },
      valueAxis: {
        title: {
          set text(value: string) {
            chart.change(size(value), (c) => (c.valueTitle = value));
          },
        },
        /** ChartAxis.numberFormat needs ExcelApi 1.8 (learn.microsoft.com, Excel.ChartAxis). */
        set numberFormat(value: string) {
          if (version < 8) throw new TypeError("chart axis numberFormat needs ExcelApi 1.8");
          chart.change(size(value), (c) => (c.valueFormat = value));
        },
      },
    };
  }
  /** Chart.series (ExcelApi 1.1); ChartSeries.setXAxisValues needs ExcelApi 1.7 (learn.microsoft.com, Excel.ChartSeries). */
  get series() {
    const chart = this;
    const version = this.ws.fake.version;
    return {
      getItemAt: (index: number) => ({
        setXAxisValues(range: FakeRange) {
          if (version < 7) throw new TypeError("series.setXAxisValues needs ExcelApi 1.7");
          chart.change(20, (c) => {
            if (index < 0 || index >= c.series.length) throw excelError("ItemNotFound", `The chart has no series ${index}.`);
            const b = range.box();
            c.series[index].categories = areaAddress(b.top, b.left, b.height, b.width);
          });
        },
      }),
    };
  }
  /** Chart.setPosition(startCell, endCell?) (ExcelApi 1.1): the chart covers the cells from one to the other. */
  setPosition(start: FakeRange | string, end?: FakeRange | string) {
    const cell = (at: FakeRange | string) => {
      const b = typeof at === "string" ? parseAddress(at) : at.box();
      return areaAddress(b.top, b.left, b.height, b.width);
    };
    this.change(40, (c) => (c.position = { start: cell(start), ...(end === undefined ? {} : { end: cell(end) }) }));
  }
  /** Chart.delete (ExcelApi 1.1). */
  delete() {
    this.change(10, (c) => {
      const sheet = this.ws.resolve();
      sheet.charts = (sheet.charts ?? []).filter((x) => x !== c);
    });
  }
}

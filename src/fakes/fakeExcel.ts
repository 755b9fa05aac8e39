/**
 * A fake of the Office.js Excel API over the in-memory workbook, for tests and the try-it page.
 * It keeps Office.js's rules: properties are read only after load() and sync(); work is queued
 * and runs at sync(); a request over 5 MB, or a read of more than 5,000,000 cells, fails as
 * Excel on the web fails. It counts syncs, request and response bytes, screen-updating
 * suspensions and writes made while events were on.
 */
import { cellAddress, columnLetter } from "../workbook/address";
import { emptySheet, MemorySheet, MemoryWorkbook } from "../workbook/memoryWorkbook";
import { EXCEL_MAX_PAGE_BREAKS } from "../workbook/excelLimits";
import type { CellValue, Highlight } from "../workbook/port";

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
}

export interface FakeExcelOptions {
  /** The highest ExcelApi version the fake host supports (default "1.18"). */
  readonly apiVersion?: string;
  readonly requestLimitBytes?: number;
  readonly responseLimitBytes?: number;
  readonly cellReadLimit?: number;
}

type Op = { bytes: number; run: () => void };

class PropertyNotLoaded extends Error {
  constructor(what: string) {
    super(`PropertyNotLoaded: ${what} was read before load() and sync()`);
  }
}

function excelError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
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

class Batch {
  ops: Op[] = [];
  constructor(
    readonly fake: FakeExcel,
    readonly runtime: { enableEvents: boolean },
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
    await this.fake.beforeSync?.();
    this.fake.stats.syncs++;
    const request = ops.reduce((sum, op) => sum + op.bytes, 0);
    this.fake.stats.requestBytes.push(request);
    if (request > this.fake.limits.request) {
      throw excelError("RequestPayloadSizeLimitExceeded", `The request payload size has exceeded the limit (${request} bytes).`);
    }
    this.fake.response = 0;
    for (const op of ops) op.run();
    this.fake.stats.responseBytes.push(this.fake.response);
    if (this.fake.response > this.fake.limits.response) {
      throw excelError(
        "RequestPayloadSizeLimitExceeded",
        `The response payload size has exceeded the limit (${this.fake.response} bytes).`,
      );
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
  };
  readonly limits: { request: number; response: number; cells: number };
  response = 0;
  readonly version: number;
  hidden = new Set<string>();
  /** Awaited before each sync runs: the browser host's round-trip latency, or a hold set by a test. */
  beforeSync?: () => Promise<void> | void;
  /** Called after every sync that did something (the try-it page's grid redraws). */
  readonly listeners = new Set<() => void>();
  /** The custom functions the page associated, by id, as Excel would call them. */
  readonly customFunctions = new Map<string, (...args: unknown[]) => unknown>();

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
  }

  /** The globals Office.js provides: `Excel`, `Office` and, in a shared runtime, `CustomFunctions`. */
  globals(): { Excel: unknown; Office: unknown; CustomFunctions: unknown } {
    const run = async (a: unknown, b?: unknown) => {
      const batch = (typeof a === "function" ? a : b) as (ctx: unknown) => Promise<unknown>;
      const options = (typeof a === "function" ? {} : a) as { delayForCellEdit?: boolean };
      this.stats.runs++;
      if (options.delayForCellEdit) this.stats.delayForCellEditRuns++;
      return batch(new FakeContext(this));
    };
    return {
      Excel: {
        run,
        ConditionalFormatType: { custom: "Custom" },
        PageOrientation: { portrait: "Portrait", landscape: "Landscape" },
        SheetVisibility: { visible: "Visible", hidden: "Hidden" },
      },
      Office: {
        context: {
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
  readonly application: { suspendScreenUpdatingUntilNextSync: () => void };
  readonly workbook: { worksheets: FakeWorksheets };

  constructor(readonly fake: FakeExcel) {
    this.runtime = new FakeRuntime(this);
    this.batch = new Batch(fake, this.runtime.state);
    this.application = { suspendScreenUpdatingUntilNextSync: () => this.batch.queue(10, () => fake.stats.screenSuspends++) };
    this.workbook = { worksheets: new FakeWorksheets(this) };
  }

  sync(): Promise<void> {
    return this.batch.sync();
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
        names.map((n) => new FakeWorksheet(this.ctx, n, false, true)),
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
  ) {
    super();
    this.current = name;
    if (preloaded) this.loaded.set("name", name);
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
  set visibility(value: string) {
    this.ctx.batch.queue(
      10,
      () => {
        const name = this.fake.realName(this.current)!;
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
      }
    });
    return this;
  }
  delete() {
    this.ctx.batch.queue(
      10,
      () => {
        const real = this.fake.realName(this.current);
        if (real === undefined) throw excelError("ItemNotFound", `worksheet "${this.current}" does not exist`);
        this.fake.workbook.sheets.delete(real);
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
  get freezePanes() {
    return { freezeRows: (_rows: number) => this.ctx.batch.queue(10, () => void this.resolve(), true) };
  }
  get notes() {
    if (this.fake.version < 18) throw new TypeError("worksheet.notes needs ExcelApi 1.18");
    return new FakeNotes(this);
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

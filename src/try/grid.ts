import { shownFill } from "../fakes/conditionalFormats";
import type { FakeHost } from "../fakes/host";
import { cellAddress, columnLetter } from "../workbook/address";
import type { MemorySheet } from "../workbook/memoryWorkbook";
import type { CellValue } from "../workbook/port";

export const PAGE_ROWS = 100;
const MAX_COLUMNS = 40;

/** A date serial shown as Excel shows it under a date format. */
function serialToIso(serial: number): string {
  const ms = Math.round((serial - 25569) * 86_400_000);
  return new Date(ms).toISOString().slice(0, 10);
}

/** A cell's text as Excel would show it under the number format the add-in set. */
export function displayValue(value: CellValue, format: string | undefined): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (!format || format === "@" || format === "General") return String(value);
  if (/y/i.test(format) && /d/i.test(format)) return value >= 1 && value < 2958466 ? serialToIso(value) : String(value);
  const decimals = /\.(0+)/.exec(format)?.[1].length ?? 0;
  const grouped = format.includes(",");
  const shown = value.toLocaleString("en-US", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: grouped,
  });
  return format.includes("%") ? `${(value * 100).toFixed(decimals)}%` : shown;
}

/**
 * The number format a cell shows with. A sheet a person typed carries its formats in Excel; here,
 * where input sheets hold values only, a column headed "... Date" in the first rows shows dates.
 */
function formatOf(sheet: MemorySheet, row: number, column: number, dateColumns: ReadonlySet<number>): string | undefined {
  return (
    sheet.numberFormats.get(`${row}:${column}`) ??
    sheet.options?.columnFormats?.[column] ??
    (dateColumns.has(column) ? "yyyy-mm-dd" : undefined)
  );
}

function dateColumnsOf(sheet: MemorySheet): Set<number> {
  const columns = new Set<number>();
  for (const row of sheet.values.slice(0, 20)) {
    row.forEach((v, c) => {
      if (typeof v === "string" && /(^|\s)date$/i.test(v.trim())) columns.add(c);
    });
  }
  return columns;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, text?: string) {
  const node = Object.assign(document.createElement(tag), props);
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * A plain grid over the fake workbook: sheet tabs, a page of rows, fills as Excel would show
 * them (the add-in's highlights evaluated), notes on hover, and the selection the add-in made.
 * Cell text is set as text, never as HTML.
 */
export class Grid {
  private sheetName?: string;
  private firstRow = 0;
  private lastSelection = "";
  private pending = false;

  constructor(
    private readonly host: FakeHost,
    private readonly root: HTMLElement,
  ) {
    host.onChange(() => this.schedule());
    this.render();
  }

  schedule(): void {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      this.render();
    });
  }

  show(sheet: string, row = 0): void {
    this.sheetName = sheet;
    this.firstRow = Math.max(0, Math.floor(row / PAGE_ROWS) * PAGE_ROWS);
    this.render();
  }

  private visibleNames(): string[] {
    return [...this.host.workbook.sheets.keys()].filter((n) => !this.host.fake.hidden.has(n));
  }

  render(): void {
    const workbook = this.host.workbook;
    const names = this.visibleNames();
    const selection = workbook.selection;
    const selectionKey = selection ? `${selection.sheet}!${selection.row}:${selection.column}` : "";
    if (selection && selectionKey !== this.lastSelection) {
      // The add-in selected a cell: follow it, as Excel scrolls to the selection.
      this.sheetName = selection.sheet;
      this.firstRow = Math.floor(selection.row / PAGE_ROWS) * PAGE_ROWS;
    }
    this.lastSelection = selectionKey;
    if (!this.sheetName || !workbook.sheets.has(this.sheetName)) this.sheetName = names[0];
    const name = this.sheetName;
    const sheet = name === undefined ? undefined : workbook.sheets.get(name);
    this.root.replaceChildren();

    const tabs = el("div", { className: "tabs", role: "tablist" });
    tabs.setAttribute("aria-label", "Sheets");
    for (const n of names) {
      const tab = el("button", { className: n === name ? "tab active" : "tab", type: "button" }, n);
      tab.setAttribute("role", "tab");
      tab.setAttribute("aria-selected", String(n === name));
      tab.addEventListener("click", () => this.show(n));
      tabs.append(tab);
    }

    if (!sheet || name === undefined) {
      this.root.append(tabs, el("p", { className: "empty" }, "The workbook has no sheets."));
      return;
    }
    const rows = sheet.values.length;
    const width = Math.min(
      MAX_COLUMNS,
      sheet.values.reduce((w, r) => Math.max(w, r.length), 0),
    );
    const last = Math.min(rows, this.firstRow + PAGE_ROWS);

    const bar = el("div", { className: "bar" });
    const prev = el("button", { type: "button", disabled: this.firstRow === 0 }, "Previous rows");
    prev.addEventListener("click", () => this.show(name, this.firstRow - PAGE_ROWS));
    const next = el("button", { type: "button", disabled: last >= rows }, "Next rows");
    next.addEventListener("click", () => this.show(name, this.firstRow + PAGE_ROWS));
    const where = el(
      "span",
      { className: "where" },
      rows === 0 ? "Empty sheet" : `Rows ${(this.firstRow + 1).toLocaleString()}–${last.toLocaleString()} of ${rows.toLocaleString()}`,
    );
    const selected = el(
      "span",
      { className: "selected" },
      selection && selection.sheet === name ? `Selected: ${cellAddress(name, selection.row, selection.column).split("!")[1]}` : "",
    );
    bar.append(prev, next, where, selected);

    const table = el("table", { className: "grid" });
    table.setAttribute("aria-label", `Sheet ${name}`);
    const head = el("tr");
    head.append(el("th", { className: "corner" }));
    for (let c = 0; c < width; c++) head.append(el("th", { scope: "col" }, columnLetter(c)));
    table.append(el("thead"));
    table.tHead!.append(head);
    const body = el("tbody");
    const headerRows = sheet.options?.headerRows ?? 0;
    const dateColumns = dateColumnsOf(sheet);
    for (let r = this.firstRow; r < last; r++) {
      const tr = el("tr");
      tr.append(el("th", { scope: "row" }, String(r + 1)));
      const row = sheet.values[r] ?? [];
      for (let c = 0; c < width; c++) {
        const td = el("td", {}, displayValue(row[c] ?? null, formatOf(sheet, r, c, dateColumns)));
        const fill = shownFill(sheet, r, c);
        if (fill) td.style.backgroundColor = fill;
        const address = `${columnLetter(c)}${r + 1}`;
        td.dataset.cell = address;
        const note = sheet.notes.get(address);
        if (note) {
          td.classList.add("note");
          td.title = note;
        }
        if (typeof row[c] === "number") td.classList.add("number");
        if (r < headerRows) td.classList.add("header");
        if (selection && selection.sheet === name && selection.row === r && selection.column === c) td.classList.add("selection");
        tr.append(td);
      }
      body.append(tr);
    }
    table.append(body);
    const wrap = el("div", { className: "wrap" });
    wrap.append(table);
    this.root.append(bar, wrap, tabs);
    wrap.querySelector(".selection")?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }
}

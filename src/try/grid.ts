import { shownFill } from "../fakes/conditionalFormats";
import type { FakeHost } from "../fakes/host";
import { cellAddress, columnLetter } from "../workbook/address";
import type { MemorySheet } from "../workbook/memoryWorkbook";
import type { CellValue } from "../workbook/port";

export const PAGE_ROWS = 100;
const MAX_COLUMNS = 40;
/** Empty columns and rows shown past the used range. */
const EMPTY_MARGIN = 3;

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
  // After the point, each 0 is a digit always shown and each # one shown only when it is not 0
  // ("#,##0.####" shows 9.5 as 9.5 and 6740 as 6,740; "0.00##" shows 1.3 as 1.30, 1.5208 whole).
  const after = /\.([0#]+)/.exec(format)?.[1] ?? "";
  const least = after.replace(/#/g, "").length;
  const most = after.length;
  const grouped = format.includes(",");
  const number = format.includes("%") ? value * 100 : value;
  const shown = number.toLocaleString("en-US", { minimumFractionDigits: least, maximumFractionDigits: most, useGrouping: grouped });
  return format.includes("%") ? `${shown}%` : shown;
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

/** What Excel's formula bar shows for a cell: its formula, or the value exactly as stored. */
export function storedText(value: CellValue | undefined, formula: string | undefined): string {
  if (formula !== undefined) return formula;
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

/**
 * A plain grid over the fake workbook: a name box and formula bar, sheet tabs, a page of rows,
 * fills as Excel would show them (the add-in's highlights evaluated), notes on hover, and the
 * selection (the add-in's or the user's: Excel has one). Click a cell or move with the arrow
 * keys; type, or press Enter or F2, to edit it in the formula bar; Enter puts it in the cell and
 * Excel's stand-in calculates (a =UB. formula runs through the add-in's own functions).
 * Cell text is set as text, never as HTML.
 */
export class Grid {
  private sheetName?: string;
  private firstRow = 0;
  private lastSelection = "";
  private pending = false;
  private readonly nameBox: HTMLOutputElement;
  private readonly input: HTMLInputElement;
  private readonly view: HTMLElement;
  private editing = false;

  constructor(
    private readonly host: FakeHost,
    root: HTMLElement,
  ) {
    const bar = el("div", { className: "formula-bar" });
    this.nameBox = document.createElement("output");
    this.nameBox.className = "name-box";
    this.nameBox.setAttribute("aria-label", "Name box");
    this.input = document.createElement("input");
    this.input.type = "text";
    this.input.spellcheck = false;
    this.input.autocomplete = "off";
    this.input.setAttribute("aria-label", "Formula bar");
    const fx = el("span", { className: "fx" }, "fx");
    fx.setAttribute("aria-hidden", "true");
    bar.append(this.nameBox, fx, this.input);
    this.view = el("div", { className: "grid-view" });
    root.replaceChildren(bar, this.view);
    this.input.addEventListener("focus", () => (this.editing = true));
    this.input.addEventListener("blur", () => {
      this.editing = false;
      this.showSelected();
    });
    this.input.addEventListener("keydown", (event) => this.onBarKey(event));
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

  /** The selected cell on the shown sheet (A1 when the selection is elsewhere). */
  private selected(): { row: number; column: number } {
    const s = this.host.workbook.selection;
    return s && s.sheet === this.sheetName ? { row: s.row, column: s.column } : { row: 0, column: 0 };
  }

  private select(row: number, column: number): void {
    if (!this.sheetName) return;
    this.host.workbook.selection = { sheet: this.sheetName, row: Math.max(0, row), column: Math.max(0, Math.min(column, 16_383)) };
    this.render();
    (this.view.querySelector(".wrap") as HTMLElement | null)?.focus();
  }

  /** The name box and formula bar for the selected cell, unless the user is typing there. */
  private showSelected(): void {
    const name = this.sheetName;
    if (name === undefined) return;
    const { row, column } = this.selected();
    this.nameBox.value = `${columnLetter(column)}${row + 1}`;
    if (this.editing) return;
    const value = this.host.workbook.sheets.get(name)?.values[row]?.[column];
    this.input.value = storedText(value, this.host.fake.formula(name, row, column)?.formula);
  }

  private onGridKey(event: KeyboardEvent): void {
    const { row, column } = this.selected();
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    // Enter and Tab move as they do in Excel's grid: down and right, with Shift up and left.
    if (event.key === "Enter") moves.Enter = event.shiftKey ? [-1, 0] : [1, 0];
    if (event.key === "Tab") moves.Tab = event.shiftKey ? [0, -1] : [0, 1];
    const move = moves[event.key];
    const name = this.sheetName;
    if (move) {
      event.preventDefault();
      this.select(row + move[0], column + move[1]);
    } else if (event.key === "F2") {
      event.preventDefault();
      this.input.focus();
    } else if ((event.key === "Delete" || event.key === "Backspace") && name !== undefined) {
      event.preventDefault();
      void this.host.fake.enter(name, row, column, "").then(() => this.render());
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      // Typing into a selected cell starts a new entry, as in Excel.
      event.preventDefault();
      this.input.focus();
      this.input.value = event.key;
    }
  }

  private onBarKey(event: KeyboardEvent): void {
    if (event.key === "Escape") {
      event.preventDefault();
      this.input.blur();
      (this.view.querySelector(".wrap") as HTMLElement | null)?.focus();
    } else if (["Enter", "Tab", "ArrowDown", "ArrowUp"].includes(event.key)) {
      // Arrow keys commit a typed value and move, as in Excel; in a formula they stay in the bar.
      if (event.key.startsWith("Arrow") && this.input.value.trim().startsWith("=")) return;
      event.preventDefault();
      const name = this.sheetName;
      if (name === undefined) return;
      const { row, column } = this.selected();
      const typed = this.input.value;
      const back = event.shiftKey || event.key === "ArrowUp" ? -1 : 1;
      const [down, right] = event.key === "Tab" ? [0, back] : [back, 0];
      this.input.blur();
      void this.host.fake.enter(name, row, column, typed).then(() => this.select(row + down, column + right));
    }
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
      // The add-in (or the user) selected a cell: follow it, as Excel scrolls to the selection.
      this.sheetName = selection.sheet;
      this.firstRow = Math.floor(selection.row / PAGE_ROWS) * PAGE_ROWS;
    }
    this.lastSelection = selectionKey;
    if (!this.sheetName || !workbook.sheets.has(this.sheetName)) this.sheetName = names[0];
    const name = this.sheetName;
    const sheet = name === undefined ? undefined : workbook.sheets.get(name);
    const hadFocus = this.view.contains(document.activeElement) && document.activeElement?.classList.contains("wrap");
    this.view.replaceChildren();

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
      this.view.append(tabs, el("p", { className: "empty" }, "The workbook has no sheets."));
      return;
    }
    const { row: selectedRow, column: selectedColumn } = this.selected();
    const rows = sheet.values.length;
    // The used range and a few empty columns and rows past it, where a user can type.
    const width = Math.min(
      MAX_COLUMNS,
      Math.max(
        selectedColumn + 1,
        sheet.values.reduce((w, r) => Math.max(w, r.length), 0),
      ) + EMPTY_MARGIN,
    );
    const last = Math.min(Math.max(rows, selectedRow + 1) + EMPTY_MARGIN, this.firstRow + PAGE_ROWS);

    const bar = el("div", { className: "bar" });
    const prev = el("button", { type: "button", disabled: this.firstRow === 0 }, "Previous rows");
    prev.addEventListener("click", () => this.show(name, this.firstRow - PAGE_ROWS));
    const next = el("button", { type: "button", disabled: last >= rows }, "Next rows");
    next.addEventListener("click", () => this.show(name, this.firstRow + PAGE_ROWS));
    const where = el(
      "span",
      { className: "where" },
      rows === 0
        ? "Empty sheet"
        : `Rows ${(this.firstRow + 1).toLocaleString()}–${Math.min(last, rows).toLocaleString()} of ${rows.toLocaleString()}`,
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
        const formula = this.host.fake.formula(name, r, c);
        if (note || formula?.message) {
          td.classList.add("note");
          td.title = note ?? formula?.message ?? "";
        }
        if (typeof row[c] === "number") td.classList.add("number");
        if (r < headerRows) td.classList.add("header");
        if (selection && selection.sheet === name && selection.row === r && selection.column === c) td.classList.add("selection");
        td.addEventListener("click", () => this.select(r, c));
        tr.append(td);
      }
      body.append(tr);
    }
    table.append(body);
    const wrap = el("div", { className: "wrap" });
    wrap.tabIndex = 0;
    wrap.setAttribute("aria-label", `Cells of ${name}: arrow keys move, type or press Enter to edit`);
    wrap.addEventListener("keydown", (event) => this.onGridKey(event));
    wrap.append(table);
    this.view.append(bar, wrap, tabs);
    this.showSelected();
    wrap.querySelector(".selection")?.scrollIntoView({ block: "nearest", inline: "nearest" });
    tabs.querySelector(".tab.active")?.scrollIntoView({ block: "nearest", inline: "nearest" });
    if (hadFocus) wrap.focus();
  }
}

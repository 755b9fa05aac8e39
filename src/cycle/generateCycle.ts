import type { ReviewOptions } from "../review/runReview";
import { CycleResult, RateSchedule, ReadEditSettings, runCycle } from "../engine";
import type { Decision } from "../review/decisions";
import { parseWorkOrders, WORK_ORDERS_SHEET } from "../review/workOrders";
import { Cancelled, type SheetValues, WorkbookPort } from "../workbook/port";
import { CycleDates, LoadedCycle, loadCycle } from "./inputs";
import { cycleLetters, parseTemplates, templateRows, TEMPLATES_SHEET } from "./letters";
import type { CycleSettings } from "./settings";
import { billsSheets, BILLS_SHEET } from "./sheets/bills";
import { delinquencySheet, DELINQUENCY_SHEET } from "./sheets/delinquency";
import { doorHangersSheet, DOOR_HANGERS_SHEET } from "./sheets/doorHangers";
import { lettersSheet, LETTERS_SHEET } from "./sheets/letters";
import { fitToCells, OutputSheet } from "./sheets/output";
import { reconciliationSheet, RECONCILIATION_SHEET } from "./sheets/reconciliation";
import { registerSheet, REGISTER_SHEET } from "./sheets/register";
import { earlierOutputs, RUN_LOG_SHEET, runLogSheet } from "./sheets/runLog";
import { workOrdersSheet } from "./sheets/workOrders";
import { splitForExcel } from "./sheets/split";
import { OFFICE_SHEET, OFFICE_SHEET_OPTIONS, officeRows } from "./office";
import { eBillsSheet, E_BILLS_SHEET } from "./sheets/eBills";
import { shutoffListSheet, SHUTOFF_SHEET } from "./sheets/shutoffList";
import { collectionsSheet, COLLECTIONS_SHEET } from "./sheets/collections";

export const OUTPUTS = [
  BILLS_SHEET,
  E_BILLS_SHEET,
  REGISTER_SHEET,
  RECONCILIATION_SHEET,
  DELINQUENCY_SHEET,
  LETTERS_SHEET,
  DOOR_HANGERS_SHEET,
  SHUTOFF_SHEET,
  COLLECTIONS_SHEET,
  WORK_ORDERS_SHEET,
] as const;
export type OutputName = (typeof OUTPUTS)[number];

export interface CycleOptions {
  readonly schedule: RateSchedule;
  readonly settings: CycleSettings;
  readonly readEdits: ReadEditSettings;
  readonly decisions?: readonly Decision[];
  readonly dates?: CycleDates;
  readonly readsSheet?: string;
  /** The usage history when it is being read elsewhere already (ReviewOptions.historyRead). */
  readonly historyRead?: ReviewOptions["historyRead"];
  /** A sheet's values when they were read elsewhere already (loadCycle's sheetRead). */
  readonly sheetRead?: (sheet: string) => Promise<SheetValues | undefined>;
  /** Which sheets to generate (default: all). The Run Log is always written. */
  readonly outputs?: readonly OutputName[];
  /** The run's time stamp for the Run Log, read at the edge. */
  readonly now: string;
  readonly progress?: (phase: string, done: number, total: number) => void;
  readonly cancelled?: () => boolean;
}

export interface CycleRun {
  readonly loaded: LoadedCycle;
  readonly result: CycleResult;
  readonly written: string[];
  readonly problems: string[];
}

/** Loads the inputs and bills the cycle without writing anything: the Generate view's preview. */
export async function previewCycle(
  port: WorkbookPort,
  options: Omit<CycleOptions, "now" | "outputs">,
): Promise<{ ok: true; loaded: LoadedCycle; result: CycleResult } | { ok: false; message: string }> {
  const loaded = await loadCycle(port, {
    dates: options.dates ?? {},
    readEdits: options.readEdits,
    decisions: options.decisions,
    readsSheet: options.readsSheet,
    historyRead: options.historyRead,
    sheetRead: options.sheetRead,
    cancelled: options.cancelled,
    progress: options.progress,
  });
  if (!loaded.ok) return loaded;
  return { ok: true, loaded: loaded.value, result: runCycle(loaded.value.input, options.schedule, options.settings.policy) };
}

/**
 * Bills the cycle and writes the chosen output sheets, each built completely before it replaces
 * the old one, and the Run Log. Input sheets are only read. Cancelling stops between sheets.
 */
export async function generateCycle(
  port: WorkbookPort,
  options: CycleOptions,
): Promise<{ ok: true; run: CycleRun } | { ok: false; message: string }> {
  const preview = await previewCycle(port, options);
  if (!preview.ok) return preview;
  const { loaded, result } = preview;
  const chosen = new Set<OutputName>(options.outputs ?? OUTPUTS);
  const { policy } = options.settings;
  // The workbook's Office sheet, so the add-in and ubill print the same bill; without one, the settings'.
  const office = loaded.office ?? options.settings.office;
  const problems = [...loaded.problems];
  // Each sheet is built, written and let go before the next is built, so a large cycle holds one
  // output sheet (or one part of the Bills) at a time.
  const builders: (() => Promise<Iterable<OutputSheet>>)[] = [];
  const build = (name: OutputName, make: () => OutputSheet | Promise<OutputSheet>) => {
    if (chosen.has(name)) builders.push(async () => splitForExcel(await make()));
  };
  // The print run holds the paper bills; e-bill accounts are on the E-Bills sheet instead.
  const printed = result.statements.filter((s) => !s.account.eBill);
  if (chosen.has(BILLS_SHEET))
    builders.push(async () => billsSheets(printed, office, options.schedule.usageUnit, undefined, undefined, policy));
  build(E_BILLS_SHEET, () => eBillsSheet(result.statements, office));
  build(REGISTER_SHEET, () => registerSheet(result, servicesOf(options.schedule), loaded.unmatchedRows));
  build(RECONCILIATION_SHEET, () => reconciliationSheet(result, loaded.input.billDate));
  build(DELINQUENCY_SHEET, () => delinquencySheet(result));
  let templatesMissing = false;
  build(LETTERS_SHEET, async () => {
    const existing = await port.readSheet(TEMPLATES_SHEET);
    templatesMissing = !existing;
    const { letters, unknownFields } = cycleLetters(result, parseTemplates(existing), policy, office);
    if (unknownFields.length)
      problems.push(`${TEMPLATES_SHEET}: unknown merge field(s) left as written: ${unknownFields.map((f) => `{{${f}}}`).join(", ")}`);
    return lettersSheet(letters, office);
  });
  build(DOOR_HANGERS_SHEET, () => doorHangersSheet(result, office, policy));
  build(SHUTOFF_SHEET, () => shutoffListSheet(result));
  build(COLLECTIONS_SHEET, () => collectionsSheet(result));
  build(WORK_ORDERS_SHEET, async () => {
    const existing = await port.readSheet(WORK_ORDERS_SHEET);
    return workOrdersSheet(existing ? parseWorkOrders(existing) : [], result.cartOrders);
  });
  const written: string[] = [];
  // Only a sheet an earlier run wrote (its Run Log says so) is ever removed, never a user's "Bills 2024".
  const ours = earlierOutputs(await port.readSheet(RUN_LOG_SHEET));
  for (const [i, make] of builders.entries()) {
    if (options.cancelled?.()) throw new Cancelled();
    const parts: string[] = [];
    for (const part of await make()) {
      if (options.cancelled?.()) throw new Cancelled();
      options.progress?.(`Writing ${part.name}`, i, builders.length);
      const cut = fitToCells(part);
      if (cut) problems.push(cut);
      await port.replaceSheet(part.name, part.rows, part.options);
      parts.push(part.name);
    }
    written.push(...parts);
    // Parts a bigger cycle left behind ("Bills 3" when this cycle needs only "Bills 2") are removed.
    const base = parts[0];
    for (const stale of (await port.sheetNames()).filter(
      (n) => ours.has(n) && n.startsWith(`${base} `) && /^\d+$/.test(n.slice(base.length + 1)),
    )) {
      if (!parts.includes(stale)) await port.removeSheet(stale);
    }
  }
  // A workbook without templates gets the defaults to edit; an existing Letter Templates sheet is the user's and is never replaced.
  // A workbook without an Office sheet gets one to edit, with the office these sheets were printed for.
  if (!loaded.office) await port.replaceSheet(OFFICE_SHEET, officeRows(office), OFFICE_SHEET_OPTIONS);
  if (templatesMissing)
    await port.replaceSheet(TEMPLATES_SHEET, templateRows(parseTemplates(undefined)), {
      headerRows: 1,
      columnWidths: [18, 44, 100],
      wrapColumns: [2],
      print: { orientation: "landscape", repeatRows: 1, fitToWidth: true },
    });
  const log = runLogSheet(
    await port.readSheet(RUN_LOG_SHEET),
    {
      at: options.now,
      billDate: loaded.input.billDate,
      period: `${loaded.input.periodStart} to ${loaded.input.periodEnd}`,
      schedule: options.schedule.id,
      fingerprints: loaded.fingerprints,
      outputs: written,
    },
    result,
  );
  const cut = fitToCells(log);
  if (cut) problems.push(cut);
  await port.replaceSheet(log.name, log.rows, log.options);
  options.progress?.("Done", builders.length, builders.length);
  return { ok: true, run: { loaded, result, written: [...written, RUN_LOG_SHEET], problems } };
}

/** The schedule's services in the order its charges first name them. */
export function servicesOf(schedule: RateSchedule): string[] {
  const order: string[] = [];
  for (const v of schedule.versions) for (const c of v.charges) if (!order.includes(c.service)) order.push(c.service);
  return order;
}

import demoCitySchedule from "../../samples/rates/demo-city.json";
import chubbuckSchedule from "../../samples/rates/chubbuck.json";
import { validateSchedule } from "../engine";
import type { RateSchedule } from "../engine";
import { demoCity } from "../samples/demoCity";
import { sampleCycleWorkbook } from "../samples/sampleCycle";
import { sampleReadsWorkbook } from "../samples/sampleReads";
import { MemoryWorkbook } from "../workbook/memoryWorkbook";
import type { CellValue } from "../workbook/port";
import { ratesSheets } from "../workbook/ratesSheet";
import { FakeExcel } from "./fakeExcel";
import { digestSheets, restoreWorkbook, snapshotWorkbook, valuesSnapshot, WorkbookSnapshot } from "./snapshot";

export type SampleName = "demo" | "reads" | "cycle";

declare global {
  interface Window {
    /** The fake Excel behind the page (fake-office.js and the try-it page set it). */
    ubFakeHost?: FakeHost;
    /** Set before this script runs: the workbook to open (a test reopening the pane keeps its workbook). */
    ubFakeWorkbook?: WorkbookSnapshot;
    /** Set before this script runs: a sample to open instead. */
    ubFakeSample?: SampleName;
  }
}

export const SAMPLES: readonly { readonly name: SampleName; readonly label: string }[] = [
  { name: "demo", label: "Demo city: 20,000 accounts, a whole cycle (seeded, invented)" },
  { name: "cycle", label: "Sample cycle: 25 accounts with balances, payments and adjustments" },
  { name: "reads", label: "Sample reads: one route with every read edit" },
];

/** The demo city's sheets plus a Rates sheet carrying its schedule, as a workbook carries its own rates. */
export function demoCityWorkbook(accounts = 20_000, seed = 2026, alsoRates: readonly RateSchedule[] = []): Record<string, CellValue[][]> {
  const result = validateSchedule(demoCitySchedule);
  if (!result.ok) throw new Error(result.problem.message);
  return { ...demoCity(result.value, { accounts, seed, historyMonths: 13 }), ...rates([result.value], alsoRates) };
}

/** The Rates and Rate Schedules sheets: the workbook's own schedules first (the one a cycle bills with), then the others. */
function rates(own: readonly RateSchedule[], also: readonly RateSchedule[]): Record<string, CellValue[][]> {
  const all = [...own, ...also.filter((a) => !own.some((o) => o.id === a.id))];
  return all.length > 0 ? ratesSheets(all).sheets : {};
}

/** A sample's sheets; `alsoRates` are carried on its Rates sheet after its own schedule. */
export function sampleWorkbook(
  name: SampleName,
  accounts?: number,
  alsoRates: readonly RateSchedule[] = [],
): Record<string, CellValue[][]> {
  if (name === "reads") return { ...sampleReadsWorkbook(), ...rates([], alsoRates) };
  if (name === "cycle") {
    // The sample cycle is billed on Chubbuck's published rates, carried on its own Rates sheet.
    const chubbuck = validateSchedule(chubbuckSchedule);
    if (!chubbuck.ok) throw new Error(chubbuck.problem.message);
    return { ...sampleCycleWorkbook(), ...rates([chubbuck.value], alsoRates) };
  }
  return demoCityWorkbook(accounts, undefined, alsoRates);
}

/**
 * Excel, as far as the task pane can tell: the fake Excel over an in-memory workbook, with a
 * round-trip latency, a hold that stops every sync until released (so a test can act at a known
 * point of a long run), and snapshots and digests for checking what the add-in did. The browser
 * tests and the try-it page both use it.
 */
export class FakeHost {
  readonly workbook = new MemoryWorkbook();
  readonly fake = new FakeExcel(this.workbook);
  latencyMs = 0;
  private held?: { promise: Promise<void>; release: () => void };

  constructor(snapshot?: WorkbookSnapshot) {
    if (snapshot) this.restore(snapshot);
    this.fake.beforeSync = async () => {
      if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
      while (this.held) await this.held.promise;
    };
  }

  /** Replaces the whole workbook with these sheets (values only). */
  load(sheets: Record<string, CellValue[][]>): void {
    this.restore(valuesSnapshot(sheets));
  }

  loadSample(name: SampleName, accounts?: number): void {
    this.load(sampleWorkbook(name, accounts));
  }

  snapshot(): WorkbookSnapshot {
    return snapshotWorkbook(this.workbook, this.fake.hidden);
  }

  restore(snapshot: WorkbookSnapshot): void {
    this.fake.hidden = restoreWorkbook(this.workbook, snapshot);
    for (const listener of this.fake.listeners) listener();
  }

  digest(names?: readonly string[]): Record<string, string> {
    return digestSheets(this.workbook, names ?? [...this.workbook.sheets.keys()]);
  }

  /** Every sync waits from now until release(). */
  hold(): void {
    if (this.held) return;
    let release = () => {};
    const promise = new Promise<void>((resolve) => (release = resolve));
    this.held = { promise, release };
  }

  release(): void {
    const held = this.held;
    this.held = undefined;
    held?.release();
  }

  /** Redraws (the grid) after every sync that did something; returns the function that stops it. */
  onChange(listener: () => void): () => void {
    this.fake.listeners.add(listener);
    return () => void this.fake.listeners.delete(listener);
  }
}

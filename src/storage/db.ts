import Dexie, { Table } from "dexie";
import type { Decision } from "../review/decisions";

/** A rate schedule as stored: its JSON exactly as imported (amounts as decimal strings). */
export interface StoredSchedule {
  readonly id: string;
  readonly json: Record<string, unknown>;
  readonly name: string;
  readonly importedAt: string;
  readonly origin: "file" | "sheet" | "sample";
}

export interface StoredSetting {
  readonly key: string;
  readonly value: unknown;
}

/** One cycle generation: when, for which dates and rates, what it read and what it wrote. */
export interface RunRecord {
  readonly id?: number;
  readonly at: string;
  readonly billDate: string;
  readonly period: string;
  readonly schedule: string;
  readonly bills: number;
  readonly held: number;
  readonly currentCharges: string;
  readonly totalDue: string;
  readonly difference: string;
  readonly fingerprints: Record<string, string>;
  readonly outputs: string[];
}

/** One entry of the audit log: who did what to which record, and why. */
export interface AuditEntry {
  readonly id?: number;
  readonly at: string;
  readonly action: string;
  readonly subject: string;
  readonly detail: string;
  /** A setting's value before and after the change (setting.changed). */
  readonly from?: unknown;
  readonly to?: unknown;
}

/**
 * The add-in's local working store (IndexedDB through Dexie): settings, rate schedules and the
 * audit log. The workbook stays the record: schedules export to a Rates sheet and come back from
 * it. Schema versions are documented in docs/adr/0002-storage-schema.md.
 */
export class UbDatabase extends Dexie {
  schedules!: Table<StoredSchedule, string>;
  settings!: Table<StoredSetting, string>;
  audit!: Table<AuditEntry, number>;
  decisions!: Table<Decision, string>;
  runs!: Table<RunRecord, number>;

  constructor(name = "ub-workbench") {
    super(name);
    this.version(1).stores({
      schedules: "id, name",
      settings: "key",
      audit: "++id, at, action, subject",
    });
    // Version 2: the read review's decisions (approvals, estimates, re-reads, exchanges).
    this.version(2).stores({ decisions: "key, account, at" });
    // Version 3: every cycle generation, as the Run Log sheet records it.
    this.version(3).stores({ runs: "++id, at, billDate" });
  }
}

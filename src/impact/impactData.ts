import { billInputsOf } from "../engine";
import type { ImpactAccountInputs, ImpactBill, IsoDate } from "../engine";
import { accountAsOf } from "../accounts/tasks/context";
import { loadCounterData } from "../payments/counterData";
import type { WorkbookPort } from "../workbook/port";

/** What a rate impact prices: the last months' bills from the Usage History, and each account as it was. */
export interface ImpactData {
  readonly bills: readonly ImpactBill[];
  readonly inputsOf: (account: string, periodEnd: IsoDate) => ImpactAccountInputs | undefined;
  /** The months taken ("2025-10" to "2026-09"), oldest first. */
  readonly months: readonly string[];
  /** Sheets read, for the summary. */
  readonly sheets: { readonly accounts: string; readonly history?: string };
  readonly problems: readonly string[];
}

/**
 * Reads what a rate impact needs: the Usage History's bills in its last `months` months (by the
 * month each period ends in), and each account's class, meter size, units and carts as they were
 * at each bill's period end (the Accounts sheet with the Account Changes in effect then, ADR 0011).
 * Accounts without a change are read once; only those with changes are looked up per date.
 */
export async function loadImpactData(
  port: WorkbookPort,
  months = 12,
): Promise<{ ok: true; value: ImpactData } | { ok: false; message: string }> {
  const loaded = await loadCounterData(port);
  if (!loaded.ok) return loaded;
  const data = loaded.value;
  if (!data.sheets.history)
    return { ok: false, message: "the workbook has no Usage History sheet (columns Account, Period, Usage): there is no usage to price" };
  const all = new Set<string>();
  for (const records of data.history.values()) for (const r of records) all.add(r.periodEnd.slice(0, 7));
  const taken = [...all].sort().slice(-months);
  const first = taken[0];
  const bills: ImpactBill[] = [];
  if (first)
    for (const [account, records] of data.history)
      for (const r of records) if (r.periodEnd.slice(0, 7) >= first) bills.push({ account, periodEnd: r.periodEnd, usage: r.usage });
  const changed = new Set(data.changes.map((c) => c.account));
  const asWas = new Map<string, ImpactAccountInputs | undefined>();
  const inputsOf = (account: string, periodEnd: IsoDate): ImpactAccountInputs | undefined => {
    if (!changed.has(account)) {
      const a = data.accounts.get(account);
      return a && billInputsOf(a);
    }
    const key = `${account}|${periodEnd}`;
    if (!asWas.has(key)) {
      const a = accountAsOf(data, account, periodEnd);
      asWas.set(key, a && billInputsOf(a));
    }
    return asWas.get(key);
  };
  return {
    ok: true,
    value: {
      bills,
      inputsOf,
      months: taken,
      sheets: { accounts: data.sheets.accounts, history: data.sheets.history },
      problems: data.problems,
    },
  };
}

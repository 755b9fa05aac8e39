import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { CounterData, loadCounterData } from "../../payments/counterData";
import { useServices } from "../services";
import { BatchDraft, localDate } from "../payments/batchForm";

/** The front counter's state, shared by the Account and Payments views and kept across tab changes. */
export interface Counter {
  readonly data?: CounterData;
  /** Why the workbook could not be read for the counter. */
  readonly message?: string;
  readonly loading: boolean;
  /** Reads the workbook, the first time only (once per workbook load) unless `again`. */
  load(again?: boolean): void;
  /** Replaces the data after a posting (the workbook is not read again). */
  update(data: CounterData): void;
  /** The account the Account view shows. */
  readonly selected?: string;
  select(account: string | undefined): void;
  /** The payment batch being keyed, kept when the specialist looks an account up in between. */
  readonly draft?: BatchDraft;
  setDraft(draft: BatchDraft | undefined): void;
}

const CounterContext = createContext<Counter | null>(null);

export function CounterProvider({ children }: { children: ReactNode }) {
  const { workbook, now } = useServices();
  const [data, setData] = useState<CounterData>();
  const [message, setMessage] = useState<string>();
  const [loading, setLoading] = useState(false);
  const [requested, setRequested] = useState(0);
  const [selected, select] = useState<string>();
  const [draft, setDraft] = useState<BatchDraft>();
  const load = useCallback((again = false) => setRequested((r) => (r === 0 || again ? r + 1 : r)), []);
  useEffect(() => {
    if (requested === 0) return;
    let live = true;
    setLoading(true);
    // The accounts as of today: the Account Changes in effect, none dated later.
    loadCounterData(workbook, localDate(now()))
      .then((outcome) => {
        if (!live) return;
        setData(outcome.ok ? outcome.value : undefined);
        setMessage(outcome.ok ? undefined : outcome.message);
      })
      .catch((error: Error) => live && setMessage(`The workbook could not be read: ${error.message}`))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [workbook, requested]);
  const value = useMemo<Counter>(
    () => ({ data, message, loading, load, update: setData, selected, select, draft, setDraft }),
    [data, message, loading, load, selected, draft],
  );
  return <CounterContext.Provider value={value}>{children}</CounterContext.Provider>;
}

/** The counter's state; reads the workbook the first time a view asks. */
export function useCounter(): Counter {
  const counter = useContext(CounterContext);
  if (!counter) throw new Error("The front counter is not set up");
  const { load } = counter;
  useEffect(() => load(), [load]);
  return counter;
}

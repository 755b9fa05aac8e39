import { useEffect, useState } from "react";
import type { ScheduleRowInfo } from "./views/ScheduleTable";
import { useServices } from "./services";

/** The loaded schedules with where each came from, refreshed whenever the cache changes. */
export function useSchedules(): ScheduleRowInfo[] {
  const { cache, store } = useServices();
  const [rows, setRows] = useState<ScheduleRowInfo[]>([]);
  useEffect(() => {
    let live = true;
    const refresh = async () => {
      const stored = new Map((await store.list()).map((s) => [s.id.toLowerCase(), s.origin]));
      if (live) setRows(cache.list().map((schedule) => ({ schedule, origin: stored.get(schedule.id.toLowerCase()) ?? "sheet" })));
    };
    void refresh();
    const unsubscribe = cache.subscribe(() => void refresh());
    return () => {
      live = false;
      unsubscribe();
    };
  }, [cache, store]);
  return rows;
}

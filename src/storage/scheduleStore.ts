import { RateSchedule, Result, scheduleToJson, validateSchedule } from "../engine";
import type { AuditEntry, StoredSchedule, UbDatabase } from "./db";
import type { ScheduleCache } from "./scheduleCache";

/**
 * Rate schedules in Dexie, kept in step with the in-memory cache the custom functions read.
 * Every change is validated first and written to the audit log.
 */
export class ScheduleStore {
  constructor(
    private readonly db: UbDatabase,
    private readonly cache: ScheduleCache,
    private readonly clock: () => string = () => new Date().toISOString(),
  ) {}

  /** Loads every stored schedule into the cache; returns the ones that no longer validate. */
  async loadIntoCache(): Promise<{ loaded: number; invalid: { id: string; message: string }[] }> {
    const stored = await this.db.schedules.toArray();
    const valid: RateSchedule[] = [];
    const invalid: { id: string; message: string }[] = [];
    for (const row of stored) {
      const result = validateSchedule(row.json);
      if (result.ok) valid.push(result.value);
      else invalid.push({ id: row.id, message: result.problem.message });
    }
    this.cache.replaceAll(valid);
    return { loaded: valid.length, invalid };
  }

  /** Validates and saves a schedule (replacing one with the same id), then updates the cache. */
  async save(json: unknown, origin: StoredSchedule["origin"]): Promise<Result<RateSchedule>> {
    const result = validateSchedule(json);
    if (!result.ok) return result;
    const schedule = result.value;
    const existed = (await this.db.schedules.get(schedule.id)) !== undefined;
    const at = this.clock();
    await this.db.transaction("rw", this.db.schedules, this.db.audit, async () => {
      await this.db.schedules.put({ id: schedule.id, json: scheduleToJson(schedule), name: schedule.name, importedAt: at, origin });
      await this.db.audit.add(
        audit(at, existed ? "schedule.replaced" : "schedule.imported", schedule.id, `${schedule.name} (from ${origin})`),
      );
    });
    this.cache.put(schedule);
    return result;
  }

  async remove(id: string): Promise<void> {
    const at = this.clock();
    await this.db.transaction("rw", this.db.schedules, this.db.audit, async () => {
      await this.db.schedules.delete(id);
      await this.db.audit.add(audit(at, "schedule.deleted", id, "removed from this computer"));
    });
    this.cache.remove(id);
  }

  async list(): Promise<StoredSchedule[]> {
    return this.db.schedules.orderBy("id").toArray();
  }
}

function audit(at: string, action: string, subject: string, detail: string): AuditEntry {
  return { at, action, subject, detail };
}

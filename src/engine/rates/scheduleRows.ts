import { fail, ok, Result } from "../problems";

/** One row of a Rates sheet: which schedule, which field (a path into its JSON), and the value. */
export interface ScheduleRow {
  readonly schedule: string;
  readonly field: string;
  readonly value: string | number | boolean | null;
}

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Flattens a schedule's JSON into field/value rows for a Rates sheet, so a schedule lives in the
 * workbook and can be edited there: `versions[0].charges[1].blocks[0].price = "1.15"`. Keys that
 * are not plain names (meter sizes such as "5/8" or "1.5") are written in brackets and quotes.
 * `rowsToScheduleJson` is the exact inverse.
 */
export function scheduleToRows(json: unknown, schedule: string): ScheduleRow[] {
  const rows: ScheduleRow[] = [];
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
    else if (value !== null && typeof value === "object") {
      for (const [key, v] of Object.entries(value)) {
        if (v === undefined) continue;
        walk(v, PLAIN_KEY.test(key) ? (path ? `${path}.${key}` : key) : `${path}[${JSON.stringify(key)}]`);
      }
    } else rows.push({ schedule, field: path, value: value as ScheduleRow["value"] });
  };
  walk(json, "");
  return rows;
}

type Step = string | number;

/** Names that reach an object's prototype: ordinary text elsewhere, never a field of a schedule. */
const PROTOTYPE_KEYS = new Set(["__proto__", "constructor", "prototype"]);
/** The highest list index a field may name (versions[999]): a larger one would allocate a sparse list. */
export const MAX_FIELD_INDEX = 999;

function parsePath(field: string): Step[] | undefined {
  const steps: Step[] = [];
  const pattern = /(?:^|\.)([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  let index = 0;
  while (index < field.length) {
    pattern.lastIndex = index;
    const m = pattern.exec(field);
    if (!m) return undefined;
    steps.push(m[1] !== undefined ? m[1] : m[2] !== undefined ? Number(m[2]) : (JSON.parse(m[3]) as string));
    index = pattern.lastIndex;
  }
  return steps.length > 0 ? steps : undefined;
}

/**
 * Rebuilds one schedule's JSON from its rows (in any order). Returns a problem naming the row
 * whose field cannot be read or clashes with another row; the JSON still goes through
 * validateSchedule afterwards.
 */
export function rowsToScheduleJson(rows: readonly { field: string; value: ScheduleRow["value"]; where: string }[]): Result<unknown> {
  let root: unknown = undefined;
  for (const row of rows) {
    const steps = parsePath(row.field.trim());
    if (!steps) return fail("INVALID_SCHEDULE", `${row.where}: field "${row.field}" is not a path such as versions[0].charges[1].amount`);
    const bad = steps.find((s) => (typeof s === "number" ? s > MAX_FIELD_INDEX : PROTOTYPE_KEYS.has(s)));
    if (bad !== undefined)
      return fail(
        "INVALID_SCHEDULE",
        typeof bad === "number"
          ? `${row.where}: field "${row.field}" names item ${bad}; a list in a schedule has at most ${MAX_FIELD_INDEX + 1} items`
          : `${row.where}: field "${row.field}" uses "${bad}", which is not a field of a rate schedule`,
      );
    // Objects without a prototype: a key from the sheet can only ever be an own property.
    const container = (step: Step): unknown => (typeof step === "number" ? [] : Object.create(null));
    if (root === undefined) root = container(steps[0]);
    let node = root as Record<string | number, unknown>;
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i];
      if (Array.isArray(node) !== (typeof step === "number")) {
        return fail("INVALID_SCHEDULE", `${row.where}: field "${row.field}" clashes with another row's field`);
      }
      if (i === steps.length - 1) {
        if (node[step] !== undefined) return fail("INVALID_SCHEDULE", `${row.where}: field "${row.field}" is given twice`);
        node[step] = row.value;
      } else {
        if (node[step] === undefined) node[step] = container(steps[i + 1]);
        const next = node[step];
        if (next === null || typeof next !== "object") {
          return fail("INVALID_SCHEDULE", `${row.where}: field "${row.field}" clashes with another row's field`);
        }
        node = next as Record<string | number, unknown>;
      }
    }
  }
  return ok(root ?? {});
}

import { isIsoDate } from "../dates/civilDate";
import { ROUNDING_MODES } from "../money/rounding";
import { fail, ok, Result } from "../problems";
import { VOLUME_UNITS } from "../units/volume";
import { readCharge } from "./readCharge";
import { array, at, bool, integer, Json, noUnknownKeys, object, oneOf, optionalText, problem, ReadError, text } from "./reader";
import { normalizeMeterSize } from "./meterSize";
import type { RateSchedule, RateVersion } from "./types";

const TOP = [
  "id",
  "name",
  "utility",
  "source",
  "notes",
  "frequency",
  "cycleDays",
  "usageUnit",
  "rounding",
  "prorateBlocks",
  "blocksPerMonth",
  "classes",
  "defaultMeterSize",
  "versions",
];

/**
 * Checks a rate schedule's JSON (docs/rate-schedules.md) and returns it with exact decimals, or
 * an INVALID_SCHEDULE problem naming the path of the first thing wrong and what was expected.
 * Beyond shape it checks that charge ids are unique within a version, that percentage charges
 * name earlier charges, that classes named by charges exist, that versions are in date order, and
 * that blocksPerMonth is set only on a bi-monthly or quarterly schedule.
 */
export function validateSchedule(value: Json): Result<RateSchedule> {
  try {
    return ok(readSchedule(value));
  } catch (error) {
    if (error instanceof ReadError) return fail("INVALID_SCHEDULE", `rate schedule ${idOf(value)}: ${error.message}`);
    throw error;
  }
}

function idOf(value: Json): string {
  const id = typeof value === "object" && value !== null ? (value as Record<string, Json>).id : undefined;
  return typeof id === "string" ? `"${id}"` : "(no id)";
}

function readSchedule(value: Json): RateSchedule {
  const raw = object(value, "schedule");
  noUnknownKeys(raw, "", TOP);
  const id = text(raw.id, "id");
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(id)) problem("id", "letters, digits, dot, dash or underscore (up to 64)", raw.id);
  const classes = raw.classes === undefined ? ["residential"] : array(raw.classes, "classes").map((c, i) => text(c, at("classes", i)));
  if (classes.length === 0) problem("classes", "at least one rate class", raw.classes);
  const versionList = array(raw.versions, "versions");
  if (versionList.length === 0) problem("versions", "at least one version", raw.versions);
  const versions = versionList.map((v, i) => readVersion(v, at("versions", i), classes));
  for (let i = 1; i < versions.length; i++) {
    const prev = versions[i - 1].effective;
    const cur = versions[i].effective;
    if (cur === null || (prev !== null && cur <= prev)) {
      throw new ReadError(`${at(at("versions", i), "effective")}: versions must be listed oldest first with rising dates`);
    }
  }
  const defaultMeterSize = optionalText(raw.defaultMeterSize, "defaultMeterSize");
  const schedule: RateSchedule = {
    id,
    name: text(raw.name, "name"),
    utility: optionalText(raw.utility, "utility"),
    source: optionalText(raw.source, "source"),
    notes: optionalText(raw.notes, "notes"),
    frequency: oneOf(raw.frequency ?? "monthly", "frequency", ["monthly", "bimonthly", "quarterly"] as const),
    cycleDays: raw.cycleDays === undefined ? 30 : integer(raw.cycleDays, "cycleDays", 1),
    usageUnit: oneOf(raw.usageUnit, "usageUnit", VOLUME_UNITS),
    rounding: oneOf(raw.rounding ?? "halfUp", "rounding", ROUNDING_MODES),
    prorateBlocks: bool(raw.prorateBlocks, "prorateBlocks", false),
    // Only when given, so a schedule without it stores and exports exactly as before.
    ...(raw.blocksPerMonth === undefined ? {} : { blocksPerMonth: bool(raw.blocksPerMonth, "blocksPerMonth", false) }),
    classes,
    defaultMeterSize: defaultMeterSize === undefined ? undefined : normalizeMeterSize(defaultMeterSize),
    versions,
  };
  if (schedule.blocksPerMonth && schedule.frequency === "monthly") {
    throw new ReadError(
      'blocksPerMonth: true needs frequency "bimonthly" or "quarterly"; a monthly schedule\'s blocks already apply to one month',
    );
  }
  return schedule;
}

function readVersion(value: Json, path: string, classes: readonly string[]): RateVersion {
  const raw = object(value, path);
  noUnknownKeys(raw, path, ["effective", "charges"]);
  const effective = raw.effective === undefined || raw.effective === null ? null : raw.effective;
  if (effective !== null && !isIsoDate(effective)) problem(at(path, "effective"), 'a date such as "2025-10-01"', effective);
  const list = array(raw.charges, at(path, "charges"));
  if (list.length === 0) problem(at(path, "charges"), "at least one charge", raw.charges);
  const charges = list.map((c, i) => readCharge(c, at(at(path, "charges"), i)));
  const seen = new Set<string>();
  charges.forEach((charge, i) => {
    const where = at(at(path, "charges"), i);
    if (seen.has(charge.id)) throw new ReadError(`${at(where, "id")}: charge id "${charge.id}" is used twice`);
    for (const c of charge.classes ?? []) {
      if (!classes.includes(c)) throw new ReadError(`${at(where, "classes")}: class "${c}" is not one of ${classes.join(", ")}`);
    }
    if (charge.kind === "percentOfLines") {
      for (const target of charge.of) {
        if (!seen.has(target)) throw new ReadError(`${at(where, "of")}: "${target}" must be the id of an earlier charge`);
      }
    }
    seen.add(charge.id);
  });
  return { effective: effective as string | null, charges };
}

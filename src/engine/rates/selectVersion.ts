import type { IsoDate } from "../dates/civilDate";
import { fail, ok, Result } from "../problems";
import type { RateSchedule, RateVersion } from "./types";

/**
 * The version of a schedule in effect on a date: the latest version whose effective date is on
 * or before it. A version with no effective date (published rates whose start we could not see)
 * applies to every date before the first dated version.
 */
export function selectVersion(schedule: RateSchedule, asOf: IsoDate): Result<RateVersion> {
  let chosen: RateVersion | undefined;
  for (const version of schedule.versions) {
    if (version.effective === null || version.effective <= asOf) chosen = version;
  }
  if (!chosen) {
    const first = schedule.versions[0]?.effective ?? "(no versions)";
    return fail("NO_RATE_IN_EFFECT", `schedule ${schedule.id} has no rates in effect on ${asOf}; its first version starts ${first}`);
  }
  return ok(chosen);
}

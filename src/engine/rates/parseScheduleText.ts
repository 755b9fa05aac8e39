import { fail, ok, Result } from "../problems";

/** The largest schedule file read: a city's schedule is a few kilobytes; Chubbuck's is 1.5 KB. */
export const MAX_SCHEDULE_BYTES = 4 * 1024 * 1024;
/** The deepest nesting of lists and objects a schedule may have (it needs about six). */
export const MAX_SCHEDULE_DEPTH = 32;

/**
 * A rate schedule file's text as JSON, within limits (docs/inputs.md): at most 4 MB and nested
 * at most 32 deep, so a huge or deeply nested file is one clear problem rather than the parser
 * running out of stack; a byte-order mark (Notepad) is not part of the JSON. The JSON still goes
 * through validateSchedule.
 */
export function parseScheduleText(text: string): Result<unknown> {
  const body = text.replace(/^\uFEFF/, "");
  if (body.length > MAX_SCHEDULE_BYTES)
    return fail(
      "INVALID_SCHEDULE",
      `it is ${body.length.toLocaleString("en-US")} bytes; a schedule file may be at most 4,194,304 bytes (4 MB)`,
    );
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body.charCodeAt(i);
    if (inString) {
      if (ch === 92) i++;
      else if (ch === 34) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 91 || ch === 123) {
      if (++depth > MAX_SCHEDULE_DEPTH) return fail("INVALID_SCHEDULE", `its lists and objects nest more than ${MAX_SCHEDULE_DEPTH} deep`);
    } else if (ch === 93 || ch === 125) depth--;
  }
  try {
    return ok(JSON.parse(body));
  } catch (error) {
    return fail("INVALID_SCHEDULE", `it is not JSON: ${(error as Error).message}`);
  }
}

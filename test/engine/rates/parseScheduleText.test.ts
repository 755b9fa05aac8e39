import { MAX_SCHEDULE_BYTES, MAX_SCHEDULE_DEPTH, parseScheduleText } from "../../../src/engine";

/** A schedule file's limits (docs/inputs.md), each at the limit and past it. */
describe("parseScheduleText", () => {
  const nested = (depth: number) => "[".repeat(depth) + "]".repeat(depth);

  it("reads lists and objects nested 32 deep and refuses 33", () => {
    expect(parseScheduleText(nested(MAX_SCHEDULE_DEPTH)).ok).toBe(true);
    expect(parseScheduleText(nested(MAX_SCHEDULE_DEPTH + 1))).toMatchObject({
      ok: false,
      problem: { message: "its lists and objects nest more than 32 deep" },
    });
  });

  it("refuses nesting of a million, which would overflow the parser's stack, at once", () => {
    expect(parseScheduleText(nested(1_000_000)).ok).toBe(false);
  });

  it("counts brackets inside strings as text", () => {
    expect(parseScheduleText(JSON.stringify({ notes: "[".repeat(100) + '\\"{' })).ok).toBe(true);
  });

  it("reads a file of 4 MB and refuses one a byte longer", () => {
    const at = `"${"x".repeat(MAX_SCHEDULE_BYTES - 2)}"`;
    expect(parseScheduleText(at).ok).toBe(true);
    expect(parseScheduleText(at + " ")).toMatchObject({
      ok: false,
      problem: { message: "it is 4,194,305 bytes; a schedule file may be at most 4,194,304 bytes (4 MB)" },
    });
  });

  it("leaves out a byte-order mark and names JSON it cannot read", () => {
    expect(parseScheduleText('\uFEFF{"id":"x"}')).toEqual({ ok: true, value: { id: "x" } });
    expect(parseScheduleText("{id: x}")).toMatchObject({ ok: false, problem: { message: expect.stringMatching(/^it is not JSON: /) } });
  });
});

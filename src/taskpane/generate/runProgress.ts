/**
 * One progress figure for a whole run of the cycle, from the phases the engine and the workbook
 * report: reading and checking the inputs, then writing each output sheet row block by row block.
 * The figure only moves forward, whatever the phases report (a sheet's own rows start again at 0),
 * and estimates the time left from the time taken so far.
 */

/** How many read phases a cycle usually has (reads, fingerprints, accounts, balances, payments, adjustments, office, history). */
const READ_STEPS = 8;
/** The share of a run that reading takes when the run also writes (writing the Bills of a city is most of it). */
const READ_SHARE = 0.4;

export interface RunProgressView {
  /** From 0 to 1, never less than before. */
  readonly fraction: number;
  /** What is happening, in words ("Writing Bills"). */
  readonly phase: string;
  /** Seconds left, once enough of the run has gone by to say. */
  readonly secondsLeft?: number;
}

export class RunProgress {
  private fraction = 0;
  private readPhases = new Set<string>();
  private sheet = { index: 0, count: 0 };

  /** `writes`: whether the run writes sheets (Generate) or only reads (Preview). `started`: ms. */
  constructor(
    private readonly writes: boolean,
    private readonly started: number,
  ) {}

  /**
   * A phase's report. `rows` marks the workbook's own row progress within a sheet being read or
   * written; without it, a "Writing" phase is the cycle's sheet `done` of `total`.
   */
  update(phase: string, done: number, total: number, now: number, rows = false): RunProgressView {
    const within = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
    let next = this.fraction;
    if (phase === "Done") next = 1;
    else if (/^Writing\b/.test(phase) && !/^Writing flags/.test(phase) && this.writes) {
      if (!rows) this.sheet = { index: done, count: Math.max(total, 1) };
      const count = Math.max(this.sheet.count, 1);
      const sheets = rows ? this.sheet.index + within : this.sheet.index;
      next = READ_SHARE + (1 - READ_SHARE) * Math.min(1, sheets / count);
    } else {
      this.readPhases.add(phase);
      const steps = Math.min(READ_STEPS, this.readPhases.size - 1 + within);
      next = (this.writes ? READ_SHARE : 1) * Math.min(0.98, steps / READ_STEPS);
    }
    this.fraction = Math.max(this.fraction, Math.min(1, next));
    const elapsed = (now - this.started) / 1000;
    const secondsLeft =
      this.fraction >= 0.05 && elapsed >= 2 && this.fraction < 1 ? (elapsed * (1 - this.fraction)) / this.fraction : undefined;
    return { fraction: this.fraction, phase, ...(secondsLeft === undefined ? {} : { secondsLeft: Math.ceil(secondsLeft) }) };
  }
}

/** "about 40 s left", "about 3 min left". */
export function timeLeftText(seconds: number | undefined): string {
  if (seconds === undefined) return "";
  return seconds < 90 ? `about ${Math.max(1, Math.round(seconds / 5) * 5)} s left` : `about ${Math.round(seconds / 60)} min left`;
}

import { Dec, ZERO } from "../decimal";
import { selectVersion } from "../rates/selectVersion";
import type { BlocksCharge, RateSchedule } from "../rates/types";
import { convertVolume, unitLabel } from "../units/volume";
import type { BlockFrequency, ImpactBill, UsageBracket } from "./types";

interface Tally {
  readonly charge: BlocksCharge;
  readonly bills: number[];
  readonly accounts: Set<string>[];
  readonly volume: Dec[];
}

/**
 * The bill tabulation of the current schedule's block charges (AWWA Manual M1): for each blocks
 * charge in effect at the latest bill, how many bills end in each block, how many accounts, and
 * the volume each block bills. Usage is taken as metered, in the charge's unit, against the
 * blocks as published (not scaled by dwelling units, allowances or a sewer share). Each distinct
 * usage is worked out once.
 */
export class BlockTally {
  private readonly tallies: Tally[];
  private readonly byUsage = new Map<string, { block: number; slices: Dec[] }[]>();

  constructor(
    private readonly schedule: RateSchedule,
    bills: readonly ImpactBill[],
  ) {
    const latest = bills.reduce<string | undefined>((d, b) => (!d || b.periodEnd > d ? b.periodEnd : d), undefined);
    const version = latest ? selectVersion(schedule, latest) : undefined;
    const charges = version?.ok ? version.value.charges.filter((c): c is BlocksCharge => c.kind === "blocks") : [];
    this.tallies = charges.map((charge) => ({
      charge,
      bills: charge.blocks.map(() => 0),
      accounts: charge.blocks.map(() => new Set<string>()),
      volume: charge.blocks.map(() => ZERO),
    }));
  }

  add(account: string, usage: Dec): void {
    if (this.tallies.length === 0) return;
    const key = usage.toString();
    let found = this.byUsage.get(key);
    if (!found) this.byUsage.set(key, (found = this.tallies.map((t) => this.split(t.charge, usage))));
    found.forEach((f, i) => {
      const t = this.tallies[i];
      t.bills[f.block]++;
      t.accounts[f.block].add(account);
      f.slices.forEach((v, b) => {
        if (!v.isZero()) t.volume[b] = t.volume[b].plus(v);
      });
    });
  }

  /** The block a usage ends in, and its slice of each block. */
  private split(charge: BlocksCharge, usage: Dec): { block: number; slices: Dec[] } {
    const volume = convertVolume({ amount: usage, unit: this.schedule.usageUnit }, charge.unit).amount;
    let from = ZERO;
    let block = 0;
    const slices = charge.blocks.map((b, i) => {
      const to = b.upTo;
      const slice = Dec.max(ZERO, Dec.min(volume, to ?? volume).minus(from));
      if (volume.greaterThan(from) || (i === 0 && volume.isZero())) block = i;
      from = to ?? from;
      return slice;
    });
    return { block, slices };
  }

  result(): BlockFrequency[] {
    return this.tallies.map((t) => {
      let from = ZERO;
      return {
        scheduleId: this.schedule.id,
        chargeId: t.charge.id,
        description: t.charge.description,
        unit: unitLabel(t.charge.unit),
        blocks: t.charge.blocks.map((b, i) => {
          const row = { from, to: b.upTo, bills: t.bills[i], accounts: t.accounts[i].size, volume: t.volume[i] };
          from = b.upTo ?? from;
          return row;
        }),
      };
    });
  }
}

/** The highest usage bracket's start, in thousand gallons: every bill of more is in one last bracket. */
const TOP_BRACKET = 30;

/** Bills by usage, a thousand gallons at a time up to 30 thousand (each distinct usage converted once). */
export class UsageBrackets {
  private readonly bills: number[] = Array.from({ length: TOP_BRACKET + 1 }, () => 0);
  private readonly gallons: Dec[] = Array.from({ length: TOP_BRACKET + 1 }, () => ZERO);
  private readonly seen = new Map<string, { index: number; gallons: Dec }>();

  constructor(private readonly unit: RateSchedule["usageUnit"]) {}

  add(usage: Dec): void {
    const key = usage.toString();
    let found = this.seen.get(key);
    if (!found) {
      const gallons = convertVolume({ amount: usage, unit: this.unit }, "gal").amount;
      const index = Math.min(TOP_BRACKET, Math.max(0, gallons.div(1000).floor().toNumber()));
      this.seen.set(key, (found = { index, gallons }));
    }
    this.bills[found.index]++;
    this.gallons[found.index] = this.gallons[found.index].plus(found.gallons);
  }

  result(): UsageBracket[] {
    return this.bills.map((bills, i) => ({ from: i, to: i === TOP_BRACKET ? null : i + 1, bills, gallons: this.gallons[i] }));
  }
}

import { Dec } from "../decimal";
import type { AccountImpact, ChangeDistribution } from "./types";

const PERCENTILES = [5, 10, 25, 50, 75, 90, 95];

/** The bands of average monthly change a histogram shows, in cents: [label, lowest in band, highest in band]. */
const BANDS: readonly [string, number, number][] = [
  ["Down $10 or more", -Infinity, -1000],
  ["Down $5 to $9.99", -999, -500],
  ["Down $1 to $4.99", -499, -100],
  ["Down 1¢ to 99¢", -99, -1],
  ["No change", 0, 0],
  ["Up 1¢ to 99¢", 1, 99],
  ["Up $1 to $4.99", 100, 499],
  ["Up $5 to $9.99", 500, 999],
  ["Up $10 or more", 1000, Infinity],
];

/**
 * How the accounts' average monthly bills change: percentiles by nearest rank (the change at
 * least p% of accounts are at or below) and counts in dollar bands, each account once.
 */
export function distributionOf(accounts: readonly AccountImpact[]): ChangeDistribution {
  const changes = accounts.map((a) => a.monthlyChange.times(100).toNumber()).sort((x, y) => x - y);
  const percentiles = changes.length
    ? PERCENTILES.map((p) => ({ percentile: p, change: new Dec(changes[Math.max(0, Math.ceil((p / 100) * changes.length) - 1)]).div(100) }))
    : [];
  const bands = BANDS.map(([label, low, high]) => ({ label, accounts: changes.filter((c) => c >= low && c <= high).length }));
  return {
    percentiles,
    bands,
    increased: changes.filter((c) => c > 0).length,
    unchanged: changes.filter((c) => c === 0).length,
    decreased: changes.filter((c) => c < 0).length,
  };
}

import type { AccountEntry, AccountIndex } from "./types";

/**
 * Type-ahead over the accounts: every word typed must start a word of the account's number, name,
 * service address or meters ("bak 12" finds Tom Baker at 1204 N Main). An account whose number is
 * what was typed comes first, then numbers that start with it, then names, then the rest, each in
 * account order. At most `limit` are returned.
 */
export function findAccounts(index: AccountIndex, query: string, limit = 20): AccountEntry[] {
  const typed = query
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "");
  if (typed.length === 0) return [];
  const whole = typed.join("");
  const ranked: { rank: number; entry: AccountEntry }[] = [];
  index.words.forEach((words, i) => {
    if (!typed.every((t) => words.some((w) => w.startsWith(t)))) return;
    const entry = index.entries[i];
    const number = entry.account.toLowerCase();
    const name = entry.name.toLowerCase();
    const rank =
      number === whole ? 0 : number.startsWith(whole) ? 1 : typed.every((t) => name.split(/\s+/).some((w) => w.startsWith(t))) ? 2 : 3;
    ranked.push({ rank, entry });
  });
  return ranked
    .sort((a, b) => a.rank - b.rank || a.entry.account.localeCompare(b.entry.account))
    .slice(0, limit)
    .map((r) => r.entry);
}

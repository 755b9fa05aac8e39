import type { AccountEntry, AccountIndex } from "./types";

const wordsOf = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "");

/** Prepares accounts for findAccounts: number, name, service address and meters, as words. */
export function indexAccounts(entries: readonly AccountEntry[]): AccountIndex {
  return {
    entries,
    words: entries.map((e) => [...wordsOf(e.account), ...wordsOf(e.name), ...wordsOf(e.address), ...e.meters.flatMap(wordsOf)]),
  };
}

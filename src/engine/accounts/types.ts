/** What the Account view finds an account by. */
export interface AccountEntry {
  readonly account: string;
  readonly name: string;
  readonly address: string;
  readonly meters: readonly string[];
}

/** Accounts prepared for type-ahead: each one's words, lower-cased once. */
export interface AccountIndex {
  readonly entries: readonly AccountEntry[];
  readonly words: readonly (readonly string[])[];
}

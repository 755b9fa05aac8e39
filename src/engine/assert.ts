/** A broken invariant inside the engine: a bug, never a user's bad input. */
export class InvariantError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvariantError";
  }
}

/** Throws `InvariantError` when `condition` is false. Expected problems are `Result`s, not asserts. */
export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new InvariantError(message);
}

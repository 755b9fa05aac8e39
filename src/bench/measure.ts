/** Milliseconds a function takes, best of `runs` (the least disturbed by the rest of the machine). */
export async function bestOf<T>(runs: number, fn: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  let best = Infinity;
  let value!: T;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    value = await fn();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { ms: best, value };
}

/** How many times a function runs in about `ms` milliseconds, per second. */
export async function perSecond(ms: number, fn: (i: number) => unknown | Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  const limit = BigInt(ms) * 1_000_000n;
  let count = 0;
  while (process.hrtime.bigint() - start < limit) {
    for (let k = 0; k < 100; k++) await fn(count++);
  }
  return Math.round(count / (Number(process.hrtime.bigint() - start) / 1e9));
}

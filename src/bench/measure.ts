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

/**
 * How many times a function runs in about `ms` milliseconds, per second, after a warm-up of a
 * fifth of that (a recalculation of thousands of cells runs warm). A promise is awaited, as the
 * custom-functions runtime does; a plain value is not, since Excel takes it as it is.
 */
export async function perSecond(ms: number, fn: (i: number) => unknown): Promise<number> {
  const run = async (forMs: number, from: number) => {
    const start = process.hrtime.bigint();
    const limit = BigInt(Math.round(forMs)) * 1_000_000n;
    let count = 0;
    while (process.hrtime.bigint() - start < limit) {
      for (let k = 0; k < 100; k++) {
        const result = fn(from + count++);
        if (result instanceof Promise) await result;
      }
    }
    return { count, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
  };
  const warm = await run(ms / 5, 0);
  const { count, seconds } = await run(ms, warm.count);
  return Math.round(count / seconds);
}

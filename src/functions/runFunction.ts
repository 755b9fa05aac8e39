import type { Result } from "../engine";
import { ArgSpec, ArgValues, readArg } from "./args";
import { excelErrorFor, FunctionError, toHostError } from "./errors";

/**
 * The one helper every UB function goes through: read each argument by its spec, run the body,
 * and turn an engine problem into #VALUE! or #N/A with its message. A broken invariant inside the
 * engine is not swallowed: it surfaces as #VALUE! with the invariant's text, and is rethrown.
 */
export function runFunction<A extends readonly ArgSpec[], R>(
  spec: { readonly name: string; readonly args: A },
  raw: readonly unknown[],
  body: (...values: ArgValues<A>) => Result<R>,
): R {
  try {
    const values = spec.args.map((arg, i) => readArg(spec.name, arg, raw[i])) as unknown as ArgValues<A>;
    const result = body(...values);
    if (!result.ok) throw new FunctionError(excelErrorFor(result.problem.code), `UB.${spec.name}: ${result.problem.message}`);
    return result.value;
  } catch (error) {
    if (error instanceof FunctionError) throw toHostError(error);
    throw error;
  }
}

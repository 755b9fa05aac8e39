import { main } from "../../src/cli/main";

/** Runs one ubill command in this process and returns its exit code and what it printed. */
export async function runUbill(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (t) => (out += t + "\n"), err: (t) => (err += t + "\n") });
  return { code, out, err };
}

/** A command-line problem: printed as one line, exit code 2. */
export class UsageError extends Error {}

export interface ParsedArgs {
  readonly positional: string[];
  readonly options: Map<string, string | true>;
}

/** Parses `--name value`, `--name=value` and `--flag`; `flags` lists options that take no value. */
export function parseArgs(argv: readonly string[], known: readonly string[], flags: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (![...known, ...flags].includes(name))
      throw new UsageError(`unknown option --${name}; options: ${[...known, ...flags].map((k) => `--${k}`).join(" ")}`);
    // Given twice, one of the two would win without a word (a bill date typed again, an --out changed).
    if (options.has(name)) throw new UsageError(`--${name} is given twice; give it once`);
    if (flags.includes(name)) {
      options.set(name, true);
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith("--"))) throw new UsageError(`--${name} needs a value`);
    options.set(name, value);
  }
  return { positional, options };
}

export function text(args: ParsedArgs, name: string): string | undefined {
  const v = args.options.get(name);
  return typeof v === "string" ? v : undefined;
}

export function required(args: ParsedArgs, name: string, what: string): string {
  const v = text(args, name);
  if (v === undefined) throw new UsageError(`--${name} is required (${what})`);
  return v;
}

/** Refuses more positional arguments than a command takes (a second workbook would be ignored). */
export function atMost(args: ParsedArgs, count: number, usage: string): void {
  if (args.positional.length > count) throw new UsageError(`too many arguments: ${args.positional.slice(count).join(" ")}; ${usage}`);
}

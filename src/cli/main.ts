import { parseArgs, UsageError } from "./args";
import { quote, QUOTE_HELP } from "./quote";
import { validate, VALIDATE_HELP } from "./validate";
import { CYCLE_HELP } from "./cycle";
import { cycleCommand } from "./cycleThread";
import { day, DAY_HELP, post, POST_HELP } from "./post";
import { autopay, AUTOPAY_HELP, PASSPHRASE_VARIABLE } from "./autopay";
import { impact, IMPACT_HELP } from "./impact";

const HELP = `ubill: UB Workbench from the command line

${QUOTE_HELP}

${VALIDATE_HELP}

${CYCLE_HELP}

${POST_HELP}

${DAY_HELP}

${AUTOPAY_HELP}

${IMPACT_HELP}
`;

/** Today's local date: the CLI's default "as of", read at the edge. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

/** Runs one ubill command; returns the exit code (0 done, 2 bad input). */
export async function main(
  argv: readonly string[],
  io: Io = { out: (t) => process.stdout.write(t + "\n"), err: (t) => process.stderr.write(t + "\n") },
): Promise<number> {
  const [command, ...rest] = argv;
  // `ubill post --help`: the command's own help, as `ubill help` prints it.
  const commandHelp: Record<string, string> = {
    quote: QUOTE_HELP,
    validate: VALIDATE_HELP,
    cycle: CYCLE_HELP,
    post: POST_HELP,
    day: DAY_HELP,
    autopay: AUTOPAY_HELP,
    impact: IMPACT_HELP,
  };
  if (command && Object.prototype.hasOwnProperty.call(commandHelp, command) && rest.some((a) => a === "--help" || a === "-h")) {
    io.out(commandHelp[command]);
    return 0;
  }
  try {
    switch (command) {
      case "quote":
        io.out(quote(parseArgs(rest, ["schedule", "usage", "meter", "carts", "days", "as-of", "class"], ["json"]), today()));
        return 0;
      case "validate":
        io.out(await validate(parseArgs(rest, ["sheet", "out"], ["json"])));
        return 0;
      case "cycle":
        io.out(await cycleCommand(rest, new Date().toISOString()));
        return 0;
      case "post":
        io.out(await post(parseArgs(rest, ["batch", "out", "date", "channel", "count", "total", "confirm", "map"], []), today()));
        return 0;
      case "day":
        io.out(await day(parseArgs(rest, ["date", "out"], []), new Date().toISOString()));
        return 0;
      case "autopay":
        io.out(
          await autopay(
            parseArgs(rest, ["vault", "out", "effective", "modifier", "vault-out"], []),
            process.env[PASSPHRASE_VARIABLE],
            new Date(),
          ),
        );
        return 0;
      case "impact":
        io.out(await impact(parseArgs(rest, ["out", "current", "proposed", "increase", "months", "charge", "target"], [])));
        return 0;
      case undefined:
      case "help":
      case "--help":
      case "-h":
        io.out(HELP);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(
          `unknown command "${command}"; commands: quote, validate, cycle, post, day, autopay, impact (ubill help for more)`,
        );
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`ubill: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

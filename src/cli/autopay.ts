import { readFileSync, rmSync, writeFileSync } from "fs";
import { resolve } from "path";
import { assert, businessCalendar, isIsoDate, nachaDebitFile, US_FEDERAL_HOLIDAYS } from "../engine";
import type { Dec, IsoDate } from "../engine";
import { moneyText } from "../engine/money/format";
import { readXlsxFast, WorkbookFileProblem } from "../adapters/xlsx/fastRead";
import type { MemoryWorkbook } from "../workbook/memoryWorkbook";
import { OFFICE_SHEET } from "../cycle/office";
import { REGISTER_SHEET } from "../cycle/sheets/register";
import { readOriginator, readRegisterAutopay } from "../cycle/registerAutopay";
import { planAutopayDrafts, PRENOTE_BANKING_DAYS } from "../cycle/autopayDrafts";
import type { DraftPlan } from "../cycle/autopayDrafts";
import { openVault, sealVault } from "../storage/autopayVault";
import type { BankDetails, SealedVault } from "../storage/autopayVault";
import { atMost, ParsedArgs, required, text, UsageError } from "./args";
import { checkOutput, writeAllAtomically } from "./files";
import { checkRegularFile, checkWorkbookFile } from "./inputFile";

export const PASSPHRASE_VARIABLE = "UB_VAULT_PASSPHRASE";

export const AUTOPAY_HELP = `ubill autopay CYCLE.xlsx --vault VAULT.json --out DRAFTS.ach [--effective YYYY-MM-DD] [--modifier A]
           [--vault-out NEW-VAULT.json]
  Writes the cycle's bank draft file (NACHA PPD debits) for the bank: a draft for each autopay
  bill on CYCLE.xlsx's Bill Register with an amount due, for its total due, effective its due date
  (or --effective). CYCLE.xlsx is a workbook \`ubill cycle --out\` wrote; the originator (the bank
  the file goes to, the company ID and name, the entry description) is read from its Office sheet's
  ACH rows. Bank details come from the autopay vault file VAULT.json, opened with the passphrase in
  the environment variable ${PASSPHRASE_VARIABLE} (never on the command line). A new enrolment gets a
  zero-dollar prenote instead of its first draft; an account missing from the vault, or whose
  details fail their checks, is left out and named. The report ties the file to the register.
  Bank account numbers are shown as ****1234 only; DRAFTS.ach is readable by its owner only.
  --effective D     the day the drafts settle (default: the bills' due date)
  --modifier A      the file ID modifier, A-Z or 0-9: a second file the same day takes the next
  --vault-out FILE  a new vault recording the prenotes sent (same passphrase); the inputs are never written`;

/** The most a vault file may be: ciphertext of a city's bank details is well under this. */
const MAX_VAULT_BYTES = 64 * 1024 * 1024;
/** PBKDF2 rounds a vault file may ask for: above the product's 600,000, but not a file that hangs the run. */
const MAX_ROUNDS = 10_000_000;

function dateOption(args: ParsedArgs, name: string): IsoDate | undefined {
  const v = text(args, name);
  if (v !== undefined && !(isIsoDate(v) && v >= "1900-03-01" && v <= "2199-12-31"))
    throw new UsageError(`--${name} must be a date such as 2026-11-16, got "${v}"`);
  return v;
}

function readWorkbook(input: string): MemoryWorkbook {
  checkWorkbookFile(input);
  try {
    return readXlsxFast(input);
  } catch (error) {
    if (error instanceof WorkbookFileProblem) throw new UsageError(`${input} cannot be read: ${error.message}`);
    throw new UsageError(`${input} is not a readable .xlsx workbook: ${(error as Error).message}`);
  }
}

/** The sealed vault file: its shape checked before any key is derived from it. */
function readVaultFile(path: string): SealedVault {
  const size = checkRegularFile(path, "vault");
  if (size > MAX_VAULT_BYTES)
    throw new UsageError(`${path}: it is ${size.toLocaleString("en-US")} bytes; an autopay vault file is at most 64 MB`);
  let sealed: unknown;
  try {
    sealed = JSON.parse(readFileSync(path, "utf8"));
  } catch {
    throw new UsageError(`${path} is not an autopay vault file: it is not JSON`);
  }
  const s = sealed as Partial<SealedVault> | null;
  const rounds = s?.kdf?.iterations;
  if (
    s?.format !== "ub-autopay-vault-1" ||
    typeof s.data !== "string" ||
    typeof s.kdf?.salt !== "string" ||
    typeof s.cipher?.iv !== "string" ||
    !(Number.isInteger(rounds) && rounds! >= 1 && rounds! <= MAX_ROUNDS)
  )
    throw new UsageError(`${path} is not an autopay vault file (format ub-autopay-vault-1, with its key derivation, IV and data)`);
  return s as SealedVault;
}

/** Local date and HHMM: the file header's creation date and time, read at the edge. */
function localStamp(now: Date): { date: IsoDate; time: string } {
  const two = (n: number) => String(n).padStart(2, "0");
  return {
    date: `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`,
    time: `${two(now.getHours())}${two(now.getMinutes())}`,
  };
}

/** The one effective date the file carries: --effective, or the bills' due date when they share one. */
function effectiveDate(given: IsoDate | undefined, dueDates: readonly IsoDate[]): IsoDate | undefined {
  if (given) return given;
  const counts = new Map<IsoDate, number>();
  for (const d of dueDates) counts.set(d, (counts.get(d) ?? 0) + 1);
  if (counts.size > 1)
    throw new UsageError(
      `the autopay bills fall due on ${counts.size} dates (${[...counts]
        .sort()
        .map(([d, n]) => `${d}: ${n} bill${n === 1 ? "" : "s"}`)
        .join(", ")}); a file carries one effective date: give --effective YYYY-MM-DD`,
    );
  return dueDates[0];
}

const count = (n: number, word: string, words = `${word}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? word : words}`;
const money = (d: Dec) => moneyText(d);

/** Runs `ubill autopay`: returns the report to print. `passphrase` is the environment's, `now` the clock's. */
export async function autopay(args: ParsedArgs, passphrase: string | undefined, now: Date): Promise<string> {
  const usage = "ubill autopay CYCLE.xlsx --vault VAULT.json --out DRAFTS.ach";
  const [input] = args.positional;
  if (!input) throw new UsageError(`autopay needs the cycle's workbook: ${usage}`);
  atMost(args, 1, usage);
  const vaultPath = required(args, "vault", "the autopay vault file with the customers' bank details");
  const out = required(args, "out", "the NACHA file to write for the bank");
  const vaultOut = text(args, "vault-out");
  const given = dateOption(args, "effective");
  const modifier = (text(args, "modifier") ?? "A").toUpperCase();
  if (!/^[A-Z0-9]$/.test(modifier)) throw new UsageError(`--modifier must be one letter A-Z or digit 0-9, got "${text(args, "modifier")}"`);
  if (!passphrase)
    throw new UsageError(
      `${PASSPHRASE_VARIABLE} is not set: the vault's passphrase is read from that environment variable, never from the command line (it would show in the process list)`,
    );
  // Nothing written over an input: the workbook, the vault, or one output over the other.
  checkRegularFile(vaultPath, "vault");
  for (const [path, name] of [[out, "--out"], ...(vaultOut ? [[vaultOut, "--vault-out"]] : [])]) {
    for (const [source, what] of [
      [input, "the cycle workbook"],
      [vaultPath, "the vault"],
    ]) {
      try {
        checkOutput(path, source);
      } catch (error) {
        if (error instanceof UsageError && error.message.startsWith("--out must name a new file"))
          throw new UsageError(`${name} must name a new file: ${path} is ${what}, which is never written`);
        throw error;
      }
    }
  }
  if (vaultOut && resolve(vaultOut) === resolve(out)) throw new UsageError("--vault-out and --out must name two files");

  const workbook = readWorkbook(input);
  const register = await workbook.readSheet(REGISTER_SHEET);
  if (!register) throw new UsageError(`${input} has no ${REGISTER_SHEET} sheet: give the workbook \`ubill cycle --out\` wrote`);
  const office = await workbook.readSheet(OFFICE_SHEET);
  if (!office) throw new UsageError(`${input} has no ${OFFICE_SHEET} sheet: the autopay file's originator is read from its ACH rows`);
  const read = readRegisterAutopay(register);
  if (!read.ok) throw new UsageError(`${input}: ${read.message}`);
  const originator = readOriginator(office);
  if (!originator.ok) throw new UsageError(`${input}: ${originator.message}`);
  const { bills, nothingDue } = read.value;
  if (bills.length === 0)
    return `${input}: the ${REGISTER_SHEET} has no autopay bill with an amount due (${count(nothingDue, "autopay bill")} owing nothing): nothing to draft; no file written.`;
  const effective = effectiveDate(
    given,
    bills.map((b) => b.dueDate),
  )!;

  const sealed = readVaultFile(vaultPath);
  const opened = await openVault(sealed, passphrase);
  if (!opened.ok) throw new UsageError(`${vaultPath}: ${opened.message}`);
  const banking = businessCalendar(US_FEDERAL_HOLIDAYS);
  const plan = planAutopayDrafts(bills, opened.entries, effective, banking);
  const stamp = localStamp(now);
  const made = nachaDebitFile(originator.value, plan.debits, {
    created: stamp.date,
    createdTime: stamp.time,
    effective,
    fileIdModifier: modifier,
  });
  if (!made.ok) throw new UsageError(`${input}: the autopay file cannot be written: ${made.problem.message}`);
  const file = made.value;
  // A broken invariant, not bad input: the file's own controls against the plan it was written from.
  assert(
    file.entries === plan.debits.length && file.totalDebit.equals(plan.totals.draft.amount) && file.prenotes === plan.totals.prenote.count,
    "the autopay file's controls do not match its drafts",
  );

  // The prenote settles on the file's effective date, or, that gone by, the banking day after the file is sent:
  // NACHA counts the three banking days before a first draft from that settlement date.
  const nextDay = banking.addBusinessDays(stamp.date, 1);
  const onEffective = banking.onOrAfter(effective);
  const settles = onEffective > nextDay ? onEffective : nextDay;
  const newVault = vaultOut ? await recordPrenotes(opened.entries, plan.prenoted, settles, passphrase, sealed.kdf.iterations) : undefined;
  const written = plan.debits.length > 0;
  const outs = [...(written ? [out] : []), ...(vaultOut ? [vaultOut] : [])];
  if (outs.length)
    await writeAllAtomically(outs, (partials) => {
      const contents = [
        ...(written ? [file.lines.join("\r\n") + "\r\n"] : []),
        ...(newVault ? [JSON.stringify(newVault, null, 2) + "\n"] : []),
      ];
      partials.forEach((partial, i) => {
        // Full bank account numbers: the owner alone reads the file (a partial left by an earlier run could be anyone's).
        rmSync(partial, { force: true });
        writeFileSync(partial, contents[i], { mode: 0o600 });
      });
    });
  const onRegister = new Set(bills.map((b) => b.account));
  const others = [...opened.entries.keys()].filter((account) => !onRegister.has(account)).length;
  return report({
    input,
    out,
    vaultOut,
    effective,
    created: stamp.date,
    settles,
    banking,
    plan,
    file,
    written,
    nothingDue,
    others,
    modifier,
  });
}

/**
 * The vault with today's prenotes recorded (prenoteSent: the day each settles, from which the first
 * draft counts its banking days), sealed afresh with the same passphrase and the same cost.
 */
async function recordPrenotes(
  entries: ReadonlyMap<string, BankDetails>,
  prenoted: readonly string[],
  sent: IsoDate,
  passphrase: string,
  rounds: number,
): Promise<SealedVault> {
  const now = new Set(prenoted);
  const list = [...entries.values()].map((e) => (now.has(e.account) ? { ...e, prenoteSent: sent } : e));
  try {
    return await sealVault(list, passphrase, rounds);
  } catch (error) {
    throw new UsageError(`--vault-out: the new vault cannot be sealed, so nothing was written: ${(error as Error).message}`);
  }
}

function report(r: {
  input: string;
  out: string;
  vaultOut?: string;
  effective: IsoDate;
  created: IsoDate;
  /** The day today's prenotes settle. */
  settles: IsoDate;
  banking: ReturnType<typeof businessCalendar>;
  plan: DraftPlan;
  file: { lines: readonly string[]; entries: number; prenotes: number; totalDebit: Dec; entryHash: string };
  written: boolean;
  nothingDue: number;
  /** Vault accounts with no autopay bill due on the register. */
  others: number;
  modifier: string;
}): string {
  const { plan, file } = r;
  const t = plan.totals;
  const lines: string[] = [];
  const drafts = plan.outcomes.filter((o) => o.kind === "draft");
  lines.push(
    `Autopay bills on the ${REGISTER_SHEET} of ${r.input} with an amount due: ${count(t.register.count, "bill")}, ${money(t.register.amount)}` +
      (r.nothingDue ? ` (${count(r.nothingDue, "autopay bill")} owing nothing: no draft)` : ""),
  );
  lines.push(
    `Drafts: ${count(t.draft.count, "draft")}, ${money(t.draft.amount)}, effective ${r.effective} (checking ${drafts.filter((d) => d.kind === "draft" && d.accountType === "checking").length}, savings ${drafts.filter((d) => d.kind === "draft" && d.accountType === "savings").length})`,
  );
  if (t.prenote.count) {
    lines.push(
      `Prenotes instead of a draft: ${count(t.prenote.count, "new enrolment")}, ${money(t.prenote.amount)} not drafted this cycle (NACHA: a zero-dollar prenote at least ${PRENOTE_BANKING_DAYS} banking days before the first draft; these bills are paid another way or drafted by hand):`,
    );
    for (const o of plan.outcomes)
      if (o.kind === "prenote") lines.push(`  ${o.bill.account} ${o.bill.name} ${o.masked}: ${money(o.bill.totalDue)}`);
  }
  if (t.leftOut.count) {
    lines.push(`Left out: ${count(t.leftOut.count, "bill")}, ${money(t.leftOut.amount)} not drafted:`);
    for (const o of plan.outcomes)
      if (o.kind === "leftOut")
        lines.push(`  ${o.bill.account} ${o.bill.name}${o.masked ? ` ${o.masked}` : ""}: ${money(o.bill.totalDue)}; ${o.reason}`);
  }
  const ties =
    t.draft.count + t.prenote.count + t.leftOut.count === t.register.count &&
    t.draft.amount.plus(t.prenote.amount).plus(t.leftOut.amount).equals(t.register.amount);
  lines.push(
    `Ties to the ${REGISTER_SHEET}: ${ties ? "yes" : "NO"}: drafted ${t.draft.count} (${money(t.draft.amount)}) + prenoted ${t.prenote.count} (${money(t.prenote.amount)}) + left out ${t.leftOut.count} (${money(t.leftOut.amount)}) = ${t.register.count} autopay bills (${money(t.register.amount)})`,
  );
  if (r.written)
    lines.push(
      `File controls: ${count(file.entries, "entry", "entries")} (${count(file.entries - file.prenotes, "draft")}, ${count(file.prenotes, "prenote")}), total debit ${money(file.totalDebit)}, entry hash ${file.entryHash}, 1 batch, ${count(file.lines.length / 10, "block")}`,
    );
  if (r.effective < r.created)
    lines.push(
      `Note: the effective date ${r.effective} is before today (${r.created}): the bank settles the drafts on its next banking day; --effective chooses the day`,
    );
  else if (!r.banking.isBusinessDay(r.effective))
    lines.push(`Note: ${r.effective} is not a banking day: the bank settles the drafts on ${r.banking.onOrAfter(r.effective)}`);
  if (r.others > 0)
    lines.push(`The vault holds ${count(r.others, "other account")} with no autopay bill due on this register: not drafted.`);
  if (!r.vaultOut)
    lines.push(
      t.prenote.count
        ? `Prenotes are not recorded: the vault is not written (--vault-out NEW.json writes a new vault with today's prenotes, so a later cycle drafts these accounts).`
        : "The vault is not written (no prenotes to record).",
    );
  else
    lines.push(
      `Wrote ${r.vaultOut}: the vault, sealed with the same passphrase, with ${count(t.prenote.count, "prenote")} recorded${
        t.prenote.count
          ? ` as settling ${r.settles} (their first draft may settle from ${r.banking.addBusinessDays(r.settles, PRENOTE_BANKING_DAYS)})`
          : ""
      }.`,
    );
  lines.push(
    r.written
      ? `Wrote ${r.out}: ${r.file.lines.length} records, NACHA PPD, file ID modifier ${r.modifier}; it holds full bank account numbers: ${
          process.platform === "win32" ? "keep it where only the billing supervisor reads it" : "readable by its owner only"
        }.`
      : `Nothing to send: no draft or prenote, so no file written (${r.out} not written).`,
  );
  return lines.join("\n");
}

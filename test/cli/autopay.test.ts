import { createHash, webcrypto } from "crypto";
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { Readable } from "stream";
import { runUbill as run } from "../support/cli";
import { readXlsxFast } from "../../src/adapters/xlsx/fastRead";
import { writeXlsx } from "../../src/adapters/xlsx/fastXlsx";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { businessCalendar, Dec, US_FEDERAL_HOLIDAYS } from "../../src/engine";
import { openVault, sealVault } from "../../src/storage/autopayVault";
import type { BankDetails, SealedVault } from "../../src/storage/autopayVault";
import type { CellValue } from "../../src/workbook/port";

// An independent reader, used only in tests: @ach/ach's NACHA parser (npm), fed the file as a bank would read it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AchParser = require("@ach/ach/lib/transforms/ach-parser") as new () => NodeJS.ReadWriteStream;

interface Parsed {
  file: {
    destination: string;
    origin: string;
    footer: { entryAndAddendaCount: number; entryHash: number; totalDebit: number; totalCredit: number };
  };
  batches: {
    entryClassCode: string;
    companyName: string;
    companyId: string;
    description: string;
    effectiveDate: string;
    entries: {
      transactionCode: string;
      receivingDFIIdentification: number;
      checkDigit: number;
      dfiAccount: string;
      amount: number;
      identificationNumber: string;
      receivingCompanyName: string;
    }[];
    footer: { entryAndAddendaCount: number; entryHash: number; totalDebit: number };
  }[];
}

function parse(text: string): Promise<Parsed> {
  return new Promise((resolve, reject) => {
    const parser = new AchParser();
    parser.on("data", (o: Parsed) => resolve(o));
    parser.on("error", reject);
    Readable.from([text]).pipe(parser);
  });
}

const SAMPLE = join(__dirname, "..", "..", "samples", "cycle.xlsx");
const CHUBBUCK = join(__dirname, "..", "..", "samples", "rates", "chubbuck.json");
const PASSPHRASE = "correct horse battery staple";
// Fewer PBKDF2 rounds keep the tests quick; the product seals with VAULT_ITERATIONS.
const ROUNDS = 1_000;
const hash = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

/** Autopay accounts of the sample cycle, and what each one's vault entry holds. */
const BANK: BankDetails[] = [
  {
    account: "100101",
    routing: "091000019",
    bankAccount: "000123456789",
    accountType: "checking",
    enrolled: "2026-03-01",
    prenoteSent: "2026-03-10",
  },
  {
    account: "100104",
    routing: "071000013",
    bankAccount: "5551234987",
    accountType: "savings",
    enrolled: "2026-01-05",
    prenoteSent: "2026-01-09",
  },
  // A new enrolment: a prenote goes instead of its first draft.
  { account: "100114", routing: "021000021", bankAccount: "44332211009", accountType: "checking", enrolled: "2026-10-20" },
  {
    account: "100125",
    routing: "124000054",
    bankAccount: "98765432100123",
    accountType: "checking",
    enrolled: "2025-06-01",
    prenoteSent: "2025-06-03",
  },
  // Enrolled, but not on autopay on this register.
  {
    account: "100102",
    routing: "091000019",
    bankAccount: "1112223334",
    accountType: "checking",
    enrolled: "2026-02-01",
    prenoteSent: "2026-02-04",
  },
];
/** A routing number keyed wrong (the check digit would be 9): only a vault written before the check could hold it. */
const MISKEYED: BankDetails = {
  account: "100118",
  routing: "091000018",
  bankAccount: "77665544332",
  accountType: "checking",
  enrolled: "2026-05-01",
  prenoteSent: "2026-05-05",
};
const FULL_NUMBERS = [...BANK, MISKEYED].map((b) => b.bankAccount);
/** On autopay on the register; 100121 has no vault entry at all. */
const AUTOPAY = ["100101", "100104", "100114", "100118", "100121", "100125"];

const ACH_ROWS: CellValue[][] = [
  ["ACH Destination Routing", "124000054", null],
  ["ACH Destination Name", "Sampleton State Bank", null],
  ["ACH Company ID", "1846000123", null],
  ["ACH Company Name", "Sampleton Util", null],
  // Typed into Excel as a number, the leading zero of 091000019 is gone.
  ["ACH Originating Routing", 91000019, null],
  ["ACH Entry Description", "UTILITY", null],
];

/**
 * The sample cycle with six accounts on autopay and an Office sheet with (or without) the ACH rows,
 * billed by `ubill cycle` into the workbook `ubill autopay` reads.
 */
async function cycleWorkbook(dir: string, ach: CellValue[][] | undefined, name = "cycle.xlsx"): Promise<string> {
  const sample = readXlsxFast(SAMPLE);
  const sheets: Record<string, CellValue[][]> = {};
  for (const sheet of sample.sheets.keys()) sheets[sheet] = (await sample.readSheet(sheet))!.values.map((r) => [...r]);
  const [head, ...rows] = sheets.Accounts;
  const autopay = head.indexOf("Autopay");
  for (const row of rows) if (AUTOPAY.includes(String(row[0]))) row[autopay] = "Yes";
  if (ach) sheets.Office = [...sheets.Office, ...ach];
  const input = join(dir, `input-${name}`);
  await writeXlsx(input, new MemoryWorkbook(sheets));
  const out = join(dir, name);
  const billed = await run("cycle", input, "--out", out, "--schedule", CHUBBUCK);
  if (billed.code !== 0) throw new Error(billed.err);
  return out;
}

/** Sealed as the vault seals, without its checks: how a miskeyed routing number could sit in an older vault. */
async function sealUnchecked(entries: readonly BankDetails[]): Promise<SealedVault> {
  const subtle = webcrypto.subtle;
  const salt = webcrypto.getRandomValues(new Uint8Array(16));
  const iv = webcrypto.getRandomValues(new Uint8Array(12));
  const material = await subtle.importKey("raw", new TextEncoder().encode(PASSPHRASE), "PBKDF2", false, ["deriveKey"]);
  const key = await subtle.deriveKey(
    { name: "PBKDF2", hash: "SHA-256", salt, iterations: ROUNDS },
    material,
    { name: "AES-GCM", length: 256 },
    false,
    ["encrypt"],
  );
  const data = await subtle.encrypt({ name: "AES-GCM", iv }, key, new TextEncoder().encode(JSON.stringify(entries)));
  const b64 = (b: ArrayBuffer | Uint8Array) => Buffer.from(b instanceof Uint8Array ? b : new Uint8Array(b)).toString("base64");
  return {
    format: "ub-autopay-vault-1",
    kdf: { name: "PBKDF2", hash: "SHA-256", iterations: ROUNDS, salt: b64(salt) },
    cipher: { name: "AES-GCM", iv: b64(iv) },
    data: b64(data),
  };
}

/** The register's autopay bills with an amount due, read here from the sheet's own columns. */
function registerAutopay(path: string): { account: string; due: Dec }[] {
  const rows = readXlsxFast(path).sheet("Bill Register")!.values;
  const col = (name: string) => rows[0].indexOf(name);
  const bills: { account: string; due: Dec }[] = [];
  for (const row of rows.slice(1)) {
    if (row[col("Account")] === null || row[col("Account")] === undefined) break;
    if (row[col("Autopay")] === "yes" && Number(row[col("Total Due")]) > 0)
      bills.push({ account: String(row[col("Account")]), due: new Dec(String(row[col("Total Due")])) });
  }
  return bills;
}

let dir: string;
let cycle: string;
let vault: string;
const at = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ubill-autopay-"));
  cycle = await cycleWorkbook(dir, ACH_ROWS);
  vault = at("vault.json");
  writeFileSync(vault, JSON.stringify(await sealUnchecked([...BANK, MISKEYED])));
});

beforeEach(() => {
  process.env.UB_VAULT_PASSPHRASE = PASSPHRASE;
});
afterAll(() => {
  delete process.env.UB_VAULT_PASSPHRASE;
});

describe("ubill autopay", () => {
  it("writes a NACHA file an independent parser reads, whose drafts, prenote and left-out bills tie to the register", async () => {
    const before = [hash(cycle), hash(vault)];
    const r = await run("autopay", cycle, "--vault", vault, "--out", at("drafts.ach"));
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect([hash(cycle), hash(vault)]).toEqual(before);
    expect(statSync(at("drafts.ach")).mode & 0o777).toBe(0o600);

    const register = registerAutopay(cycle);
    expect(register.map((b) => b.account)).toEqual(AUTOPAY);
    const due = (account: string) => register.find((b) => b.account === account)!.due;
    const sum = (accounts: string[]) => accounts.reduce((s, a) => s.plus(due(a)), new Dec(0));
    const drafted = ["100101", "100104", "100125"];

    const text = readFileSync(at("drafts.ach"), "utf8");
    const parsed = await parse(text);
    expect(parsed.batches.length).toBe(1);
    const [batch] = parsed.batches;
    expect([batch.entryClassCode, batch.companyName, batch.companyId, batch.description]).toEqual([
      "PPD",
      "SAMPLETON UTIL",
      "1846000123",
      "UTILITY",
    ]);
    expect([parsed.file.destination, parsed.file.origin]).toEqual([" 124000054", " 091000019"]);
    expect(batch.effectiveDate).toBe("261116");
    expect(batch.entries.map((e) => [e.identificationNumber, e.transactionCode, e.amount, e.dfiAccount])).toEqual([
      ["100101", "27", Number(due("100101").times(100)), "000123456789"],
      ["100104", "37", Number(due("100104").times(100)), "5551234987"],
      ["100114", "28", 0, "44332211009"],
      ["100125", "27", Number(due("100125").times(100)), "98765432100123"],
    ]);
    // The accents of Ñúñez, José are dropped, not turned into spaces.
    expect(batch.entries[3].receivingCompanyName).toBe("NUNEZ, JOSE");
    const cents = Number(sum(drafted).times(100));
    const entryHash = [9100001, 7100001, 2100002, 12400005].reduce((s, n) => s + n, 0);
    expect([batch.footer.entryAndAddendaCount, batch.footer.entryHash, batch.footer.totalDebit]).toEqual([4, entryHash, cents]);
    const f = parsed.file.footer;
    expect([f.entryAndAddendaCount, f.entryHash, f.totalDebit, f.totalCredit]).toEqual([4, entryHash, cents, 0]);
    expect(
      text
        .split("\r\n")
        .filter(Boolean)
        .every((line) => line.length === 94),
    ).toBe(true);

    const m = (d: Dec) => `$${d.toFixed(2)}`;
    const total = sum(AUTOPAY);
    expect(r.out).toContain(`with an amount due: 6 bills, ${m(total)}`);
    expect(r.out).toContain(`Drafts: 3 drafts, ${m(sum(drafted))}, effective 2026-11-16 (checking 2, savings 1)`);
    expect(r.out).toContain(`Prenotes instead of a draft: 1 new enrolment, ${m(due("100114"))} not drafted this cycle`);
    expect(r.out).toContain(`  100114 Customer 100114 ****1009: ${m(due("100114"))}`);
    expect(r.out).toContain(`  100121 Customer 100121: ${m(due("100121"))}; not in the autopay vault`);
    expect(r.out).toContain(
      `  100118 Customer 100118 ****4332: ${m(due("100118"))}; routing number 091000018 fails its check digit: the ninth digit would be 9, not 8 (3, 7, 1 weights)`,
    );
    expect(r.out).toContain(
      `Ties to the Bill Register: yes: drafted 3 (${m(sum(drafted))}) + prenoted 1 (${m(due("100114"))}) + left out 2 (${m(sum(["100118", "100121"]))}) = 6 autopay bills (${m(total)})`,
    );
    expect(r.out).toContain(
      `File controls: 4 entries (3 drafts, 1 prenote), total debit ${m(sum(drafted))}, entry hash ${String(entryHash).padStart(10, "0")}, 1 batch, 1 block`,
    );
    expect(r.out).toContain("The vault holds 1 other account with no autopay bill due on this register: not drafted.");
    expect(r.out).toContain("Prenotes are not recorded: the vault is not written");
    expect(r.out).toContain(
      `Wrote ${at("drafts.ach")}: 10 records, NACHA PPD, file ID modifier A; it holds full bank account numbers: readable by its owner only.`,
    );
  });

  it("never shows a full bank account number: not on stdout or stderr, not in the cycle workbook", async () => {
    const runs = [
      await run("autopay", cycle, "--vault", vault, "--out", at("shown.ach"), "--effective", "2026-12-15", "--modifier", "b"),
      await run("autopay", cycle, "--vault", vault, "--out", at("shown2.ach"), "--vault-out", at("never.json")),
    ];
    const values = JSON.stringify([...readXlsxFast(cycle).sheets.keys()].map((name) => readXlsxFast(cycle).sheet(name)!.values));
    for (const number of FULL_NUMBERS) {
      for (const r of runs) expect(r.out + r.err).not.toContain(number);
      expect(values).not.toContain(number);
    }
    expect(runs[0].out).toContain("100114 Customer 100114 ****1009");
    expect(runs[1].code).toBe(2);
  });

  it("records the prenotes in a new vault only when --vault-out is given, and drafts them once three banking days have passed", async () => {
    const clean = at("clean-vault.json");
    writeFileSync(clean, JSON.stringify(await sealVault(BANK, PASSPHRASE, ROUNDS)));
    const before = hash(clean);
    const r = await run("autopay", cycle, "--vault", clean, "--out", at("first.ach"), "--vault-out", at("vault-2.json"));
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(hash(clean)).toBe(before);
    const today = new Date();
    const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, "0")}-${String(today.getDate()).padStart(2, "0")}`;
    // The prenote settles on the due date, or the banking day after it is sent when that has gone by.
    const banking = businessCalendar(US_FEDERAL_HOLIDAYS);
    const settles = [banking.onOrAfter("2026-11-16"), banking.addBusinessDays(iso, 1)].sort()[1];
    const ready = banking.addBusinessDays(settles, 3);
    expect(r.out).toContain(
      `Wrote ${at("vault-2.json")}: the vault, sealed with the same passphrase, with 1 prenote recorded as settling ${settles} (their first draft may settle from ${ready}).`,
    );
    const sealed = JSON.parse(readFileSync(at("vault-2.json"), "utf8")) as SealedVault;
    expect(sealed.kdf.iterations).toBe(ROUNDS);
    const opened = await openVault(sealed, PASSPHRASE);
    expect(opened.ok && [...opened.entries.values()].map((e) => [e.account, e.prenoteSent])).toEqual(
      BANK.map((b) => [b.account, b.account === "100114" ? settles : b.prenoteSent]),
    );

    const soon = await run("autopay", cycle, "--vault", at("vault-2.json"), "--out", at("soon.ach"), "--effective", iso);
    expect(soon.out).toMatch(
      new RegExp(
        `100114 Customer 100114 \\*\\*\\*\\*1009: \\$[\\d,.]+; its prenote of ${settles}: its first draft may settle from ${ready}, 3 banking days later`,
      ),
    );
    const later = await run("autopay", cycle, "--vault", at("vault-2.json"), "--out", at("later.ach"), "--effective", ready);
    expect(later.out).toContain(`Drafts: 4 drafts`);
    expect((await parse(readFileSync(at("later.ach"), "utf8"))).batches[0].entries.map((e) => e.transactionCode)).toEqual([
      "27",
      "37",
      "27",
      "27",
    ]);
  });

  it("refuses a new vault it cannot seal (a miskeyed routing number in it), writing nothing", async () => {
    const r = await run("autopay", cycle, "--vault", vault, "--out", at("no.ach"), "--vault-out", at("no.json"));
    expect([r.code, r.err]).toEqual([
      2,
      "ubill: --vault-out: the new vault cannot be sealed, so nothing was written: account 100118: routing number 091000018 fails its check digit: the ninth digit would be 9, not 8 (3, 7, 1 weights)\n",
    ]);
    expect([existsSync(at("no.ach")), existsSync(at("no.json"))]).toEqual([false, false]);
  });

  it("refuses without the passphrase in the environment, and with a wrong one, in one line", async () => {
    delete process.env.UB_VAULT_PASSPHRASE;
    const none = await run("autopay", cycle, "--vault", vault, "--out", at("x.ach"));
    expect([none.code, none.err]).toEqual([
      2,
      "ubill: UB_VAULT_PASSPHRASE is not set: the vault's passphrase is read from that environment variable, never from the command line (it would show in the process list)\n",
    ]);
    process.env.UB_VAULT_PASSPHRASE = "wrong horse battery staple";
    const wrong = await run("autopay", cycle, "--vault", vault, "--out", at("x.ach"));
    expect([wrong.code, wrong.err]).toEqual([
      2,
      `ubill: ${vault}: the vault does not open: the passphrase is wrong, or the file was changed\n`,
    ]);
    expect(existsSync(at("x.ach"))).toBe(false);
  });

  it("names the Office sheet's missing or blank ACH setting and what it expects", async () => {
    const old = await cycleWorkbook(dir, undefined, "old-office.xlsx");
    const missing = await run("autopay", old, "--vault", vault, "--out", at("x.ach"));
    expect([missing.code, missing.err]).toEqual([
      2,
      `ubill: ${old}: the Office sheet has no "ACH Destination Routing" row: add one (Setting "ACH Destination Routing", Value the 9-digit routing number of the bank the file goes to)\n`,
    ]);
    const blank = await cycleWorkbook(
      dir,
      ACH_ROWS.map((row) => (row[0] === "ACH Company ID" ? [row[0], null, null] : row)),
      "blank-id.xlsx",
    );
    const r = await run("autopay", blank, "--vault", vault, "--out", at("x.ach"));
    expect(r.err).toMatch(
      /^ubill: .*blank-id\.xlsx: Office!B\d+ \(ACH Company ID\) is blank: expected the company ID the bank assigned, at most 10 letters or digits \(usually 1 and the city's EIN\)\n$/,
    );
    const long = await cycleWorkbook(
      dir,
      ACH_ROWS.map((row) => (row[0] === "ACH Company Name" ? [row[0], "City of Sampleton Utilities", null] : row)),
      "long-name.xlsx",
    );
    expect((await run("autopay", long, "--vault", vault, "--out", at("x.ach"))).err).toMatch(
      /Office!B\d+ \(ACH Company Name\): at most 16 characters; got 27 \("City of Sampleton Utilities"\)\n$/,
    );
    expect(existsSync(at("x.ach"))).toBe(false);
  });

  it("refuses bad input in one line: no workbook, not a vault, a bad --modifier or --effective, an --out over an input", async () => {
    const junk = at("junk.json");
    writeFileSync(junk, JSON.stringify({ hello: "world" }));
    const cases: [string[], string][] = [
      [["autopay"], "ubill: autopay needs the cycle's workbook: ubill autopay CYCLE.xlsx --vault VAULT.json --out DRAFTS.ach"],
      [["autopay", cycle, "--out", at("x.ach")], "ubill: --vault is required (the autopay vault file with the customers' bank details)"],
      [
        ["autopay", cycle, "--vault", junk, "--out", at("x.ach")],
        `ubill: ${junk} is not an autopay vault file (format ub-autopay-vault-1, with its key derivation, IV and data)`,
      ],
      [
        ["autopay", cycle, "--vault", vault, "--out", at("x.ach"), "--modifier", "AB"],
        'ubill: --modifier must be one letter A-Z or digit 0-9, got "AB"',
      ],
      [
        ["autopay", cycle, "--vault", vault, "--out", at("x.ach"), "--effective", "11/16/2026"],
        'ubill: --effective must be a date such as 2026-11-16, got "11/16/2026"',
      ],
      [
        ["autopay", cycle, "--vault", vault, "--out", vault],
        `ubill: --out must name a new file: ${vault} is the vault, which is never written`,
      ],
      [
        ["autopay", cycle, "--vault", vault, "--out", cycle],
        `ubill: --out must name a new file: ${cycle} is the cycle workbook, which is never written`,
      ],
      [
        ["autopay", SAMPLE, "--vault", vault, "--out", at("x.ach")],
        `ubill: ${SAMPLE} has no Bill Register sheet: give the workbook \`ubill cycle --out\` wrote`,
      ],
    ];
    for (const [argv, err] of cases) {
      const r = await run(...argv);
      expect([r.code, r.err]).toEqual([2, err + "\n"]);
    }
    expect(existsSync(at("x.ach"))).toBe(false);
  });

  it("reads a register by its headers: one effective date a file, a cell it cannot read named, nothing to draft said", async () => {
    const office = [["Setting", "Value", "What it is for"], ...ACH_ROWS];
    const book = async (name: string, rows: CellValue[][]) => {
      const path = at(name);
      await writeXlsx(
        path,
        new MemoryWorkbook({
          "Bill Register": [["Bill", "Account", "Name", "Total Due", "Due Date", "Autopay"], ...rows, [], ["Totals"]],
          Office: office,
        }),
      );
      return path;
    };
    const twoDates = await book("two-dates.xlsx", [
      ["B-1", "100101", "Alvarez, Maria", 91.6, "2026-11-16", "yes"],
      ["B-2", "100104", "Customer 100104", 95, "2026-11-20", "yes"],
      ["B-3", "100125", "Customer 100125", 12.5, "2026-11-20", "yes"],
    ]);
    const refused = await run("autopay", twoDates, "--vault", vault, "--out", at("two.ach"));
    expect([refused.code, refused.err]).toEqual([
      2,
      "ubill: the autopay bills fall due on 2 dates (2026-11-16: 1 bill, 2026-11-20: 2 bills); a file carries one effective date: give --effective YYYY-MM-DD\n",
    ]);
    const chosen = await run("autopay", twoDates, "--vault", vault, "--out", at("two.ach"), "--effective", "2026-12-21");
    expect(chosen.out).toContain("Drafts: 3 drafts, $199.10, effective 2026-12-21 (checking 2, savings 1)");
    const maybe = await book("maybe.xlsx", [
      ["B-1", "100101", "Alvarez, Maria", 91.6, "2026-11-16", "yes"],
      ["B-2", "100104", "Customer 100104", 95, "2026-11-16", "maybe"],
    ]);
    expect((await run("autopay", maybe, "--vault", vault, "--out", at("m.ach"))).err).toBe(
      `ubill: ${maybe}: 'Bill Register'!F3 (Autopay): expected yes or no; got "maybe"\n`,
    );
    const cents = await book("cents.xlsx", [["B-1", "100101", "Alvarez, Maria", 91.605, "2026-11-16", "yes"]]);
    expect((await run("autopay", cents, "--vault", vault, "--out", at("c.ach"))).err).toBe(
      `ubill: ${cents}: 'Bill Register'!D2 (Total Due): expected an amount in dollars and cents; got 91.605\n`,
    );
    const none = await book("none.xlsx", [
      ["B-1", "100101", "Alvarez, Maria", 91.6, "2026-11-16", "no"],
      ["B-2", "100104", "Customer 100104", -4.1, "2026-11-16", "yes"],
    ]);
    const nothing = await run("autopay", none, "--vault", vault, "--out", at("n.ach"));
    expect([nothing.code, nothing.out]).toEqual([
      0,
      `${none}: the Bill Register has no autopay bill with an amount due (1 autopay bill owing nothing): nothing to draft; no file written.\n`,
    ]);
    expect(existsSync(at("n.ach"))).toBe(false);
  });

  it("ubill autopay --help prints the command's help and exits 0", async () => {
    const r = await run("autopay", "--help");
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(r.out).toMatch(/^ubill autopay CYCLE\.xlsx --vault VAULT\.json --out DRAFTS\.ach/);
    expect((await run("help")).out).toContain("ubill autopay CYCLE.xlsx");
  });
});

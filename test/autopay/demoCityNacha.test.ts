import { Readable } from "stream";
import { DEFAULT_READ_EDIT_SETTINGS, nachaDebitFile } from "../../src/engine";
import type { AutopayDebit } from "../../src/engine";
import { generateCycle } from "../../src/cycle/generateCycle";
import { DEFAULT_CYCLE_SETTINGS } from "../../src/cycle/settings";
import { demoCity } from "../../src/samples/demoCity";
import { seeded } from "../../src/samples/random";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { loadSchedule } from "../support/samples";

// An independent reader, used only here: @ach/ach's NACHA parser (npm), fed the file as a bank would read it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AchParser = require("@ach/ach/lib/transforms/ach-parser") as new () => NodeJS.ReadWriteStream;

interface ParsedEntry {
  transactionCode: string;
  receivingDFIIdentification: number;
  checkDigit: number;
  amount: number;
  identificationNumber: string;
}
interface Parsed {
  file: {
    footer: {
      batchCount: number;
      blockCount: number;
      entryAndAddendaCount: number;
      entryHash: number;
      totalDebit: number;
      totalCredit: number;
    };
  };
  batches: {
    entryClassCode: string;
    serviceClassCode: number;
    entries: ParsedEntry[];
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

// Routing numbers that pass the ABA check digit, for the demo's synthetic bank accounts.
const BANKS = ["091000019", "124000054", "071000013", "021000021", "121000248", "026009593"];

describe("the autopay file for Demo City's cycle", () => {
  it("parses and balances in an independent NACHA parser: every autopay account's amount due, its entry hash and controls", async () => {
    const schedule = loadSchedule("demo-city");
    const workbook = new MemoryWorkbook(demoCity(schedule, { accounts: 2_000, seed: 2026, historyMonths: 13 }));
    const cycle = await generateCycle(workbook, {
      schedule,
      settings: DEFAULT_CYCLE_SETTINGS,
      readEdits: DEFAULT_READ_EDIT_SETTINGS,
      now: "2026-10-31T08:00:00Z",
    });
    if (!cycle.ok) throw new Error(cycle.message);
    const rand = seeded(7);
    const debits: AutopayDebit[] = cycle.run.result.statements
      .filter((s) => s.account.autopay && s.totalDue.amount.greaterThan(0))
      .map((s, i) => ({
        account: s.account.account,
        name: s.account.name,
        routing: BANKS[Math.floor(rand() * BANKS.length)],
        bankAccount: String(100000000 + Math.floor(rand() * 899999999)),
        accountType: rand() < 0.85 ? "checking" : "savings",
        amount: s.totalDue.amount,
        // Every tenth enrolment is new this cycle: a prenote before its first live debit.
        prenote: i % 10 === 0,
      }));
    expect(debits.length).toBeGreaterThan(50);
    const made = nachaDebitFile(
      {
        destinationRouting: "124000054",
        destinationName: "Demo City Bank",
        companyId: "1846000123",
        companyName: "Demo City Utilities",
        originatingRouting: "124000054",
        entryDescription: "UTILITY",
      },
      debits,
      { created: "2026-10-31", createdTime: "0800", effective: cycle.run.result.statements[0].dueDate, fileIdModifier: "A" },
    );
    if (!made.ok) throw new Error(made.problem.message);
    const parsed = await parse(made.value.lines.join("\n") + "\n");
    const [batch] = parsed.batches;
    expect([parsed.batches.length, batch.entryClassCode, batch.serviceClassCode]).toEqual([1, "PPD", 225]);
    expect(batch.entries.map((e) => e.identificationNumber)).toEqual(debits.map((d) => d.account));
    // The parser's entries, added up here, against the file's own controls.
    const live = debits.filter((d) => !d.prenote);
    const cents = live.reduce((s, d) => s + Number(d.amount.times(100).toFixed(0)), 0);
    const hash = batch.entries.reduce((s, e) => s + e.receivingDFIIdentification, 0) % 10_000_000_000;
    expect(batch.entries.reduce((s, e) => s + e.amount, 0)).toBe(cents);
    expect([batch.footer.entryAndAddendaCount, batch.footer.entryHash, batch.footer.totalDebit]).toEqual([debits.length, hash, cents]);
    const f = parsed.file.footer;
    expect([f.batchCount, f.entryAndAddendaCount, f.entryHash, f.totalDebit, f.totalCredit]).toEqual([1, debits.length, hash, cents, 0]);
    expect(f.blockCount).toBe(made.value.lines.length / 10);
    expect(batch.entries.filter((e) => e.transactionCode === "28" || e.transactionCode === "38").every((e) => e.amount === 0)).toBe(true);
    // Every entry's check digit is its routing number's ninth digit.
    batch.entries.forEach((e, i) =>
      expect(`${String(e.receivingDFIIdentification).padStart(8, "0")}${e.checkDigit}`).toBe(debits[i].routing),
    );
  });
});

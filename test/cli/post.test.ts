import { createHash } from "crypto";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { runUbill as run } from "../support/cli";
import { readXlsxFast } from "../../src/adapters/xlsx/fastRead";
import { parsePaymentRows } from "../../src/workbook/cycleSheets";

const SAMPLE = join(__dirname, "..", "..", "samples", "cycle.xlsx");
const hash = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

/** A folder with a copy of the sample cycle workbook and the files a test writes. */
function folder(files: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), "ubill-post-"));
  copyFileSync(SAMPLE, join(dir, "book.xlsx"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return { dir, at: (name: string) => join(dir, name) };
}

const LOCKBOX = [
  "Lockbox,Deposit Date,Batch Number,Item Number,Check Number,Check Amount,Remittance Account,Remitter Name",
  "4471,11/02/2026,001,1,2281,$104.10,100102,Tom Baker",
  '4471,11/02/2026,001,2,775,"1,000.00",100110,"Lopez, Ana"',
  ",,,,Total,1104.10,,2 items",
].join("\r\n");

function payments(path: string) {
  const read = parsePaymentRows(
    readXlsxFast(path).sheet("Payments")
      ? { sheet: "Payments", top: 0, left: 0, values: readXlsxFast(path).sheet("Payments")!.values }
      : (undefined as never),
  );
  if (!read.ok) throw new Error(read.message);
  return read.value.records;
}

describe("ubill post", () => {
  it("posts a bank lockbox file that balances to the slip, below the Payments rows, with its batch id; the input is never written", async () => {
    const f = folder({ "lockbox.csv": LOCKBOX });
    const before = hash(f.at("book.xlsx"));
    const short = await run(
      "post",
      f.at("book.xlsx"),
      "--batch",
      f.at("lockbox.csv"),
      "--count",
      "2",
      "--total",
      "1100.00",
      "--out",
      f.at("out.xlsx"),
    );
    expect(short.code).toBe(2);
    expect(short.err.trim().split("\n")).toEqual([
      "ubill: Batch B-2026-11-02-MAIL-1 does not balance: $1,104.10 keyed where the slip says $1,100.00 ($4.10 over)",
    ]);
    expect(existsSync(f.at("out.xlsx"))).toBe(false);
    const r = await run(
      "post",
      f.at("book.xlsx"),
      "--batch",
      f.at("lockbox.csv"),
      "--count",
      "2",
      "--total",
      "1104.10",
      "--out",
      f.at("out.xlsx"),
    );
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      "Posted batch B-2026-11-02-MAIL-1: 2 payments, $1,104.10 (mail; the file read as bank lockbox) on Payments rows 10-11.",
    );
    expect(hash(f.at("book.xlsx"))).toBe(before);
    const rows = payments(f.at("out.xlsx"));
    expect(
      rows
        .slice(-2)
        .map((p) => [p.batch, p.payment.date, p.payment.account, p.payment.amount.toFixed(2), p.payment.method, p.payment.reference]),
    ).toEqual([
      ["B-2026-11-02-MAIL-1", "2026-11-02", "100102", "104.10", "mail", "2281"],
      ["B-2026-11-02-MAIL-1", "2026-11-02", "100110", "1000.00", "mail", "775"],
    ]);
    // Every sheet of the input is in the copy, with its values; only Payments gained rows.
    const input = readXlsxFast(f.at("book.xlsx"));
    const copy = readXlsxFast(f.at("out.xlsx"));
    expect([...copy.sheets.keys()]).toEqual([...input.sheets.keys()]);
    for (const name of input.sheets.keys()) if (name !== "Payments") expect(copy.sheet(name)!.values).toEqual(input.sheet(name)!.values);
    expect(
      copy
        .sheet("Payments")!
        .values.slice(0, 9)
        .map((r) => r.slice(0, 6)),
    ).toEqual(input.sheet("Payments")!.values);
  });

  it("asks before posting a payment keyed twice, and posts it with --confirm", async () => {
    const f = folder({
      "counter.csv": "Account,Amount,Reference\n100101,104.10,check 2211\n100113,10.00,cash\n",
    });
    const args = [
      "post",
      f.at("book.xlsx"),
      "--batch",
      f.at("counter.csv"),
      "--channel",
      "counter",
      "--date",
      "2026-10-25",
      "--count",
      "2",
      "--total",
      "114.10",
    ];
    const asked = await run(...args, "--out", f.at("out.xlsx"));
    expect(asked.code).toBe(2);
    expect(asked.err).toMatch(
      /^ubill: Batch B-2026-10-25-COUNTER-1 asks first: line 1 \(.*counter\.csv line 2\): account 100101 paid \$104\.10 with reference check 2211 on 2026-10-12 already: is this a second payment\?; --confirm 1 answers yes\n$/,
    );
    const yes = await run(...args, "--confirm", "1", "--out", f.at("out.xlsx"));
    expect(yes.code).toBe(0);
  });

  it("refuses a file that carries a card number, saying why, and writes nothing", async () => {
    const f = folder({
      "settlement.csv":
        "Settlement Date,Transaction ID,Confirmation Number,Card Type,Last 4,Settled Amount,Customer Reference\n2026-11-02,T1,CNF-1,VISA,4111111111111111,50.00,100102\n",
    });
    const r = await run(
      "post",
      f.at("book.xlsx"),
      "--batch",
      f.at("settlement.csv"),
      "--count",
      "1",
      "--total",
      "50",
      "--out",
      f.at("out.xlsx"),
    );
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      "ubill: " +
        f.at("settlement.csv") +
        " line 2, column Last 4: holds a card number (ending 1111); a card number is never read or stored (PCI DSS): export the report with the card masked, keeping the last four digits only\n",
    );
    expect(readdirSync(f.dir).sort()).toEqual(["book.xlsx", "settlement.csv"]);
  });

  it("reads a card processor's settlement report as card by phone, keeping the confirmation and the last four only", async () => {
    const f = folder({
      "settlement.csv":
        "Settlement Date,Transaction ID,Confirmation Number,Card Type,Last 4,Settled Amount,Customer Reference\n2026-11-02,T1,CNF-8Q1,VISA,************4242,50.00,100102\n",
    });
    const r = await run(
      "post",
      f.at("book.xlsx"),
      "--batch",
      f.at("settlement.csv"),
      "--count",
      "1",
      "--total",
      "50",
      "--out",
      f.at("out.xlsx"),
    );
    expect(r.code).toBe(0);
    const last = payments(f.at("out.xlsx")).at(-1)!;
    expect([last.payment.method, last.payment.reference, last.batch]).toEqual([
      "card by phone",
      "CNF-8Q1, card ending 4242",
      "B-2026-11-02-CARDBYPHONE-1",
    ]);
  });

  it("maps an unknown layout once with --map and remembers it for the next file with that header", async () => {
    const odd = "Cust No,Paid,Conf,When\n100102,25.00,X1,2026-11-03\n";
    const f = folder({ "odd.csv": odd, "odd2.csv": "Cust No,Paid,Conf,When\n100110,5.00,X2,2026-11-04\n" });
    const unknown = await run(
      "post",
      f.at("book.xlsx"),
      "--batch",
      f.at("odd.csv"),
      "--channel",
      "online",
      "--count",
      "1",
      "--total",
      "25",
      "--out",
      f.at("a.xlsx"),
    );
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("its header (Cust No, Paid, Conf, When) is not a layout this product reads");
    expect(unknown.err).toContain("--map account=COLUMN,amount=COLUMN,reference=COLUMN");
    const mapped = await run(
      "post",
      f.at("book.xlsx"),
      "--batch",
      f.at("odd.csv"),
      "--channel",
      "online",
      "--count",
      "1",
      "--total",
      "25",
      "--map",
      "account=Cust No,amount=Paid,reference=Conf,date=When",
      "--out",
      f.at("a.xlsx"),
    );
    expect(mapped.code).toBe(0);
    expect(mapped.out).toContain("remembered on the Import Layouts sheet");
    const again = await run(
      "post",
      f.at("a.xlsx"),
      "--batch",
      f.at("odd2.csv"),
      "--channel",
      "online",
      "--count",
      "1",
      "--total",
      "5",
      "--out",
      f.at("b.xlsx"),
    );
    expect(again.err).toBe("");
    expect(again.out).toContain("mapped earlier, remembered on Import Layouts");
  });

  it("returns a check from the bank's returned-item report: a reversal row, and the next bill carries the reversal, the fee and the letter", async () => {
    const f = folder({ "returned.csv": "Account,Amount,Check Number,Return Reason\n100118,120.00,check 3307,NSF insufficient funds\n" });
    const r = await run("post", f.at("book.xlsx"), "--batch", f.at("returned.csv"), "--date", "2026-10-29", "--out", f.at("out.xlsx"));
    expect(r.err).toBe("");
    expect(r.out).toContain("100118  $120.00 reverses Payments row 7; NSF insufficient funds; fee $20.00");
    const last = payments(f.at("out.xlsx")).at(-1)!;
    expect([last.payment.returned, last.payment.reverses]).toEqual([true, "Payments row 7; NSF insufficient funds"]);
    // Returned once only.
    const twice = await run("post", f.at("out.xlsx"), "--batch", f.at("returned.csv"), "--date", "2026-10-30", "--out", f.at("twice.xlsx"));
    expect(twice.code).toBe(2);
    expect(twice.err).toContain("a payment is returned once");
    const billed = await run("cycle", f.at("out.xlsx"), "--out", f.at("cycle.xlsx"), "--json");
    expect(billed.code).toBe(0);
    const plain = await run("cycle", f.at("book.xlsx"), "--out", f.at("plain.xlsx"), "--json");
    const [a, b] = [JSON.parse(billed.out), JSON.parse(plain.out)];
    expect(a.reconciliationDifference).toBe("0.00");
    // The check is taken back and the fee added: $140.00 more due in all.
    expect((Number(a.totalDue) - Number(b.totalDue)).toFixed(2)).toBe("140.00");
    const letters = readXlsxFast(f.at("cycle.xlsx")).sheet("Letters")!.values.flat().join(" ");
    expect(letters).toContain("check 3307");
  });

  it("reverses an autopay draft from a NACHA return file, keeping only what the rules allow", async () => {
    const rec = (fields: [number, string][]) => {
      const chars = Array.from({ length: 94 }, () => " ");
      for (const [at, t] of fields) for (let i = 0; i < t.length; i++) chars[at - 1 + i] = t[i];
      return chars.join("");
    };
    const ach = [
      rec([[1, "101"]]),
      rec([[1, "5"]]),
      rec([
        [1, "6"],
        [2, "26"],
        [4, "09100001"],
        [12, "9"],
        [13, "000123456789".padEnd(17)],
        [30, "0000009500"],
        [40, "100104".padEnd(15)],
        [55, "CUSTOMER 100104".padEnd(22)],
        [79, "1"],
        [80, "091000010000001"],
      ]),
      rec([
        [1, "799"],
        [4, "R01"],
        [7, "071000300000123"],
        [28, "09100001"],
        [80, "091000010000001"],
      ]),
      rec([[1, "8"]]),
      rec([[1, "9"]]),
    ].join("\r\n");
    const f = folder({ "returns.ach": ach });
    const r = await run("post", f.at("book.xlsx"), "--batch", f.at("returns.ach"), "--date", "2026-10-29", "--out", f.at("out.xlsx"));
    expect(r.err).toBe("");
    expect(r.out).toContain("100104  $95.00 reverses Payments row 3; R01");
    const text = JSON.stringify(readXlsxFast(f.at("out.xlsx")).sheet("Payments")!.values);
    expect(text).not.toContain("123456789");
  });
});

describe("ubill day", () => {
  it("closes a day once: the Daily Activity and Days Closed sheets; a rerun writes nothing and says so; the day takes no more batches", async () => {
    const f = folder({
      "lockbox.csv": LOCKBOX,
      "returned.csv": "Account,Amount,Check Number,Return Reason\n100118,120.00,check 3307,NSF\n",
    });
    expect(
      (await run("post", f.at("book.xlsx"), "--batch", f.at("lockbox.csv"), "--count", "2", "--total", "1104.10", "--out", f.at("a.xlsx")))
        .code,
    ).toBe(0);
    expect((await run("post", f.at("a.xlsx"), "--batch", f.at("returned.csv"), "--date", "2026-11-02", "--out", f.at("b.xlsx"))).code).toBe(
      0,
    );
    const r = await run("day", f.at("b.xlsx"), "--date", "2026-11-02", "--out", f.at("c.xlsx"));
    expect(r.err).toBe("");
    expect(r.out).toContain("Received (2 payments, 1 batch)");
    expect(r.out).toMatch(/Net to the bank\s+\$984\.10/);
    const book = readXlsxFast(f.at("c.xlsx"));
    const activity = book.sheet("Daily Activity")!.values;
    expect(activity).toContainEqual(["Total received", 2, 1104.1]);
    expect(activity).toContainEqual(["100118", "NSF", 120, 20]);
    expect(activity).toContainEqual(["Net to the bank (received less returned)", null, 984.1]);
    expect(book.sheet("Days Closed")!.values[1].slice(0, 1)).toEqual(["2026-11-02"]);
    const again = await run("day", f.at("c.xlsx"), "--date", "2026-11-02", "--out", f.at("d.xlsx"));
    expect(again.code).toBe(0);
    expect(again.out).toMatch(
      /^The day 2026-11-02 was closed at .* UTC \(2 payments, \$1,104\.10 received, \$984\.10 net\); it closes once: nothing written\.\n$/,
    );
    expect(existsSync(f.at("d.xlsx"))).toBe(false);
    const late = await run(
      "post",
      f.at("c.xlsx"),
      "--batch",
      f.at("lockbox.csv"),
      "--count",
      "2",
      "--total",
      "1104.10",
      "--out",
      f.at("e.xlsx"),
    );
    expect(late.code).toBe(2);
    expect(late.err).toContain("the day 2026-11-02 was closed at");
  });
});

describe("ubill post refuses what a real morning gets wrong", () => {
  const ach = (records: [number, string][][]) =>
    records
      .map((fields) => {
        const chars = Array.from({ length: 94 }, () => " ");
        for (const [at, t] of fields) for (let i = 0; i < t.length; i++) chars[at - 1 + i] = t[i];
        return chars.join("");
      })
      .join("\r\n");
  const header: [number, string][] = [
    [1, "101"],
    [4, " 124000054"],
    [14, " 124000054"],
    [24, "261029"],
  ];
  const entry = (code: string, account: string, cents: string): [number, string][] => [
    [1, "6"],
    [2, code],
    [4, "09100001"],
    [12, "9"],
    [13, "000123456789".padEnd(17)],
    [30, cents],
    [40, account.padEnd(15)],
    [55, "CUSTOMER".padEnd(22)],
    [79, "1"],
    [80, "091000010000001"],
  ];
  const addenda = (reason: string): [number, string][] => [
    [1, "799"],
    [4, reason],
    [7, "071000300000123"],
  ];

  it("matches an ACH return only to a bank draft, and takes its date from the file header", async () => {
    // 100102's only payment is a check: an ACH return of it is refused; 100104's $95.00 draft is returned on the file's day.
    const f = folder({
      "check.ach": ach([header, [[1, "5"]], entry("26", "100102", "0000015000"), addenda("R01"), [[1, "8"]], [[1, "9"]]]),
      "draft.ach": ach([header, [[1, "5"]], entry("26", "100104", "0000009500"), addenda("R03"), [[1, "8"]], [[1, "9"]]]),
    });
    const check = await run("post", f.at("book.xlsx"), "--batch", f.at("check.ach"), "--out", f.at("a.xlsx"));
    expect(check.err).toMatch(/check\.ach line 3: no bank draft of \$150\.00 from account 100102/);
    const draft = await run("post", f.at("book.xlsx"), "--batch", f.at("draft.ach"), "--out", f.at("b.xlsx"));
    expect(draft.out).toContain("reverses Payments row 3; R03");
    expect(draft.out).toContain("autopay ends (R03)");
    expect(payments(f.at("b.xlsx")).at(-1)!.payment.date).toBe("2026-10-29");
    // The next bill asks for payment rather than drafting from an account the bank says is gone.
    const cycle = await run("cycle", f.at("b.xlsx"), "--out", f.at("c.xlsx"));
    expect(cycle.code).toBe(0);
    const bills = readXlsxFast(f.at("c.xlsx")).sheet("Bills")!.values.flat().join("\n");
    const page = bills.slice(bills.indexOf("100104"), bills.indexOf("100104") + 4000);
    expect(page).not.toContain("will be drafted");
  });

  it("passes a returned credit (transaction code 21) by, and reads an ACH file sent without line breaks or with a short record", async () => {
    const records = [header, [[1, "5"]], entry("21", "100104", "0000009500"), addenda("R01"), [[1, "8"]], [[1, "9"]]] as [
      number,
      string,
    ][][];
    const f = folder({
      "credit.ach": ach(records),
      "flat.ach": ach(records).replace(/\r\n/g, ""),
      "short.ach": ach(records).replace(/ +\r\n/, "\r\n"),
    });
    expect((await run("post", f.at("book.xlsx"), "--batch", f.at("credit.ach"), "--out", f.at("a.xlsx"))).err).toContain(
      "an ACH file with no return entries",
    );
    expect((await run("post", f.at("book.xlsx"), "--batch", f.at("flat.ach"), "--out", f.at("b.xlsx"))).err).toContain(
      "an ACH file with no return entries",
    );
    expect((await run("post", f.at("book.xlsx"), "--batch", f.at("short.ach"), "--out", f.at("c.xlsx"))).err).toMatch(
      /short\.ach line 1: a record is 94 characters, this one \d+/,
    );
  });

  it("needs a returned check's number, matches it however it is written, and never reverses cash or a card", async () => {
    const f = folder({
      "blank.csv": "Account,Amount,Check Number,Return Reason\n100113,50.00,,NSF\n",
      "card.csv": "Account,Amount,Check Number,Return Reason\n100114,30.00,88231,NSF\n",
      "plain.csv": "Account,Amount,Check Number,Return Reason\n100103,60.00,#0901,NSF\n",
    });
    const blank = await run("post", f.at("book.xlsx"), "--batch", f.at("blank.csv"), "--date", "2026-10-29", "--out", f.at("a.xlsx"));
    expect(blank.err).toMatch(/blank\.csv line 2: a returned check needs its check number/);
    const card = await run("post", f.at("book.xlsx"), "--batch", f.at("card.csv"), "--date", "2026-10-29", "--out", f.at("b.xlsx"));
    expect(card.err).toMatch(/card\.csv line 2: no check of \$30\.00 from account 100114/);
    const plain = await run("post", f.at("book.xlsx"), "--batch", f.at("plain.csv"), "--date", "2026-10-29", "--out", f.at("c.xlsx"));
    expect(plain.out).toContain("100103  $60.00 reverses Payments row 9");
  });

  it("refuses a return dated on a closed day, a future batch, a --date that re-dates the file, a file of two days, and a --map for a known layout", async () => {
    const f = folder({
      "returned.csv": "Account,Amount,Check Number,Return Reason\n100118,120.00,check 3307,NSF\n",
      "two.csv": "Account,Amount,Reference,Date\n100102,10.00,a,2026-11-02\n100110,5.00,b,2026-11-03\n",
      "one.csv": "Account,Amount,Reference,Date\n100102,10.00,a,2026-11-06\n",
    });
    expect((await run("day", f.at("book.xlsx"), "--date", "2026-10-29", "--out", f.at("closed.xlsx"))).code).toBe(0);
    const late = await run("post", f.at("closed.xlsx"), "--batch", f.at("returned.csv"), "--date", "2026-10-29", "--out", f.at("a.xlsx"));
    expect(late.err).toMatch(
      /returned\.csv line 2: the day 2026-10-29 was closed at .* UTC; a return is dated the day it is posted, on a day still open/,
    );
    const two = await run(
      "post",
      f.at("book.xlsx"),
      "--batch",
      f.at("two.csv"),
      "--channel",
      "counter",
      "--count",
      "2",
      "--total",
      "15",
      "--out",
      f.at("b.xlsx"),
    );
    expect(two.err).toContain("payments dated 2026-11-02, 2026-11-03; a batch is one day's payments: split the file by day");
    const moved = await run(
      "post",
      f.at("book.xlsx"),
      "--batch",
      f.at("one.csv"),
      "--channel",
      "counter",
      "--date",
      "2026-11-09",
      "--count",
      "1",
      "--total",
      "10",
      "--out",
      f.at("c.xlsx"),
    );
    expect(moved.err).toContain("dates its payments 2026-11-06; --date 2026-11-09 would post them on another day");
    const future = await run(
      "post",
      f.at("book.xlsx"),
      "--batch",
      f.at("one.csv"),
      "--channel",
      "counter",
      "--date",
      "2099-01-04",
      "--count",
      "1",
      "--total",
      "10",
      "--out",
      f.at("d.xlsx"),
    );
    expect(future.code).toBe(2);
    const mapped = await run(
      "post",
      f.at("book.xlsx"),
      "--batch",
      f.at("one.csv"),
      "--channel",
      "counter",
      "--count",
      "1",
      "--total",
      "10",
      "--map",
      "account=Account,amount=Amount",
      "--out",
      f.at("e.xlsx"),
    );
    expect(mapped.err).toContain("its header is the UB Workbench batch layout, which is read without a mapping");
    expect((await run("day", f.at("book.xlsx"), "--date", "2099-01-04", "--out", f.at("f.xlsx"))).err).toContain("has not come yet");
  });

  it("lists every question at once, refuses a --confirm for a line that asks nothing, and checks a file's own total row", async () => {
    const f = folder({
      "two.csv": "Account,Amount,Reference\n100101,104.10,check 2211\n999999,5.00,cash\n100110,1.00,cash\n",
      "total.csv": "Account,Amount,Reference\n100102,10.00,a\n100110,5.00,b\nTotal,50.00,\n",
    });
    const args = [
      "post",
      f.at("book.xlsx"),
      "--batch",
      f.at("two.csv"),
      "--channel",
      "counter",
      "--date",
      "2026-10-25",
      "--count",
      "3",
      "--total",
      "110.10",
    ];
    const asked = await run(...args, "--out", f.at("a.xlsx"));
    expect(asked.err).toMatch(
      /asks first: line 1 \(.*two\.csv line 2\): .*; line 2 \(.*two\.csv line 3\): account 999999 is not on the Accounts sheet; --confirm 1,2 answers yes/,
    );
    const idle = await run(...args, "--confirm", "1,2,3", "--out", f.at("b.xlsx"));
    expect(idle.err).toContain("--confirm 3: that line asks nothing");
    expect((await run(...args, "--confirm", "1,2", "--out", f.at("c.xlsx"))).code).toBe(0);
    const total = await run(
      "post",
      f.at("book.xlsx"),
      "--batch",
      f.at("total.csv"),
      "--channel",
      "counter",
      "--date",
      "2026-10-25",
      "--count",
      "2",
      "--total",
      "15",
      "--out",
      f.at("d.xlsx"),
    );
    expect(total.err).toContain("the file's total row says 50.00, but its payments above add up to 15.00");
  });
});

describe("a card number in a column not read", () => {
  it("posts the payments, keeps nothing of it, and warns that the export should mask it", async () => {
    const f = folder({
      "settlement.csv":
        "Settlement Date,Transaction ID,Confirmation Number,Card Type,Last 4,Settled Amount,Customer Reference\n2026-11-02,4111111111111111,CNF-1,VISA,1111,50.00,100102\n",
    });
    const r = await run(
      "post",
      f.at("book.xlsx"),
      "--batch",
      f.at("settlement.csv"),
      "--count",
      "1",
      "--total",
      "50",
      "--out",
      f.at("out.xlsx"),
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain("column Transaction ID holds what looks like a card number (ending 1111); it was not read or kept");
    expect(JSON.stringify(readXlsxFast(f.at("out.xlsx")).sheet("Payments")!.values)).not.toContain("4111111111111111");
  });
});

describe("help", () => {
  it.each(["post", "day", "cycle"])("ubill %s --help prints the command's help and exits 0", async (command) => {
    const r = await run(command, "--help");
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(r.out).toMatch(new RegExp(`^ubill ${command} `));
  });
});

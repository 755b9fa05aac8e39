import { Dec } from "../engine";
import type { AccountForPayment, PaymentChannel } from "../engine";
import { seeded, pick } from "./random";

/** One payment file of a day, as its source exports it, with the slip's count and total. */
export interface DayFile {
  readonly name: string;
  readonly text: string;
  readonly channel: PaymentChannel;
  readonly count: number;
  readonly total: Dec;
  /** The batch line (1-based) that repeats a payment already posted (same account, amount and check): the product asks before posting it. */
  readonly duplicateLine?: number;
}

/** A day of payments and one returned check, for the demo and the tests (synthetic, seeded). */
export interface DayOfBatches {
  readonly date: string;
  readonly files: readonly DayFile[];
  /** The bank's returned-item report: the check that came back. */
  readonly returnedChecks: DayFile;
}

const csvText = (rows: readonly (readonly (string | number)[])[]) =>
  rows.map((r) => r.map((v) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v))).join(",")).join("\r\n") +
  "\r\n";

const usDate = (iso: string) => `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;

/**
 * A day at the counter for a city's accounts: a bank lockbox file (mail), the counter's and the
 * drop box's batches in the add-in's batch layout, a card processor's settlement report for the
 * phone payments and another for the online ones, the bank drafts, and a returned-check report
 * naming a check posted before the day. The drop box batch ends with a check that looks like one
 * the lockbox posted (the duplicate the product asks about). Each payment pays the account's
 * balance, part of it, or a round amount over it (a credit). Amounts are exact cents.
 */
export function dayOfBatches(
  accounts: ReadonlyMap<string, AccountForPayment>,
  returnable: { account: string; amount: Dec; reference: string },
  date: string,
  seed = 11,
  perBatch = 12,
): DayOfBatches {
  const rand = seeded(seed);
  const owing = [...accounts].filter(([, a]) => a.balance.greaterThan(5));
  const used = new Set<string>();
  const payer = () => {
    for (;;) {
      const [account, a] = pick(rand, owing);
      if (used.has(account)) continue;
      used.add(account);
      const r = rand();
      const amount =
        r < 0.7
          ? a.balance
          : r < 0.9
            ? a.balance.div(2).toDecimalPlaces(2, Dec.ROUND_DOWN)
            : a.balance.plus(20).toDecimalPlaces(0, Dec.ROUND_UP);
      return { account, name: a.name, amount };
    }
  };
  const total = (xs: readonly { amount: Dec }[]) => xs.reduce((s, x) => s.plus(x.amount), new Dec(0));
  const batch = (n: number) => Array.from({ length: n }, payer);

  const mail = batch(perBatch);
  const checks = mail.map(() => String(2000 + Math.floor(rand() * 7000)));
  const lockbox = csvText([
    ["Lockbox", "Deposit Date", "Batch Number", "Item Number", "Check Number", "Check Amount", "Remittance Account", "Remitter Name"],
    ...mail.map((p, i) => ["4471", usDate(date), "001", i + 1, checks[i], p.amount.toFixed(2), p.account, p.name]),
    ["", "", "", "", "Total", total(mail).toFixed(2), "", `${mail.length} items`],
  ]);
  const counter = batch(perBatch);
  const counterFile = csvText([
    ["Account", "Amount", "Reference", "Date"],
    ...counter.map((p, i) => [p.account, p.amount.toFixed(2), i % 3 === 0 ? "cash" : `check ${300 + i}`, date]),
  ]);
  const drop = batch(perBatch - 1);
  // The last drop box envelope holds a check with the same account, amount and number as one the
  // lockbox posted this morning: the slip counts it, and the product asks before posting it.
  drop.push({ ...mail[3] });
  const dropFile = csvText([
    ["Account", "Amount", "Reference", "Date"],
    ...drop.map((p, i) => [p.account, p.amount.toFixed(2), i === drop.length - 1 ? checks[3] : `check ${5100 + i}`, date]),
  ]);
  const settlement = (payments: { account: string; amount: Dec }[], prefix: string) =>
    csvText([
      ["Settlement Date", "Transaction ID", "Confirmation Number", "Card Type", "Last 4", "Settled Amount", "Customer Reference"],
      ...payments.map((p, i) => [
        date,
        `${prefix}${70000 + i}`,
        `${prefix}-${(0x9a3f1 + i * 7919).toString(36).toUpperCase()}`,
        pick(rand, ["VISA", "MC", "DISC"]),
        String(1000 + Math.floor(rand() * 9000)),
        p.amount.toFixed(2),
        p.account,
      ]),
    ]);
  const phone = batch(perBatch);
  const online = batch(perBatch);
  const drafts = batch(perBatch);
  const draftFile = csvText([
    ["Account", "Amount", "Reference", "Date"],
    ...drafts.map((p, i) => [p.account, p.amount.toFixed(2), `ACH ${8800 + i}`, date]),
  ]);
  const returned = csvText([
    ["Account", "Amount", "Check Number", "Return Reason", "Returned Date"],
    [returnable.account, returnable.amount.toFixed(2), returnable.reference, "NSF insufficient funds", date],
  ]);
  const file = (name: string, text: string, channel: PaymentChannel, payments: { amount: Dec }[], duplicateLine?: number): DayFile => ({
    name,
    text,
    channel,
    count: payments.length,
    total: total(payments),
    ...(duplicateLine ? { duplicateLine } : {}),
  });
  return {
    date,
    files: [
      file(`lockbox-${date}.csv`, lockbox, "mail", mail),
      file(`counter-${date}.csv`, counterFile, "counter", counter),
      file(`drop-box-${date}.csv`, dropFile, "drop box", drop, drop.length),
      file(`card-by-phone-${date}.csv`, settlement(phone, "PH"), "card by phone", phone),
      file(`online-${date}.csv`, settlement(online, "WB"), "online", online),
      file(`bank-draft-${date}.csv`, draftFile, "bank draft", drafts),
    ],
    returnedChecks: file(`returned-checks-${date}.csv`, returned, "mail", [returnable]),
  };
}

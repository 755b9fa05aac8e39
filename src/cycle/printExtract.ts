import { addDays, CyclePolicy, isEstimated, MeterReading, Money, quantityText, roundToCents, Statement, VolumeUnit } from "../engine";
import { dateText } from "./format";
import type { Office } from "./office";
import { billPageMessages, mailingLines, scanLine } from "./sheets/bills";

/** Months of usage history the extract carries, oldest first, ending with this bill's. */
const HISTORY = 13;

/**
 * The bill-print extract a print-and-mail vendor takes: one CSV row per printed bill (e-bill
 * accounts are not in the print run), every field the bill shows, amounts as plain decimals in
 * dollars and cents, dates as yyyy-mm-dd and as printed, the charges by service in the schedule's
 * order, 13 months of usage as columns, and the stub's scan line. docs/outputs.md lists the columns.
 * A text field that starts with =, +, - or @ is prefixed with an apostrophe, so a spreadsheet
 * opening the file never runs it as a formula.
 */
export function* printExtract(
  statements: readonly Statement[],
  services: readonly string[],
  office: Office,
  policy: CyclePolicy,
  usageUnit: VolumeUnit = "gal",
): Generator<string> {
  const header = [
    "bill_number",
    "account",
    "name",
    "mail_line_1",
    "mail_line_2",
    "mail_line_3",
    "mail_line_4",
    "service_address",
    "bill_date",
    "due_date",
    "due_date_printed",
    "period_start",
    "period_end",
    "service_days",
    "kind",
    "previous_balance",
    "payments",
    "adjustments",
    "fees",
    ...services.map((s) => `charges_${s.toLowerCase().replace(/[^a-z0-9]+/g, "_")}`),
    "current_charges",
    "total_due",
    "late_fee_date",
    "amount_after_late_fee_date",
    "meters",
    "read_dates",
    "previous_reads",
    "current_reads",
    "meter_usage",
    "usage",
    "estimated",
    "estimate_method",
    "notice",
    "notice_amount",
    "notice_pay_by",
    "messages",
    "charge_lines",
    "activity",
    "autopay",
    "remit_to",
    ...Array.from({ length: HISTORY }, (_, i) => [`usage_month_${i + 1}`, `usage_${i + 1}`]).flat(),
    "scan_line",
  ];
  yield header.join(",") + "\r\n";
  for (const s of statements) {
    if (s.account.eBill) continue;
    const lines = mailingLines(s.account.mailingAddress || s.account.serviceAddress);
    const byService = new Map<string, Money>();
    for (const l of s.chargeLines) byService.set(l.service, (byService.get(l.service) ?? Money.zero).plus(l.amount));
    const fee = roundToCents(s.totalDue.amount.times(policy.lateFeePercent).div(100));
    const after = s.totalDue.isPositive() && fee.greaterThanOrEqualTo(policy.lateFeeMinimum);
    // A row per meter, and per leg of an exchange (the old meter to its final read, the new from its set read).
    const meters = (s.reading?.meters ?? []).flatMap((m) =>
      m.legs
        ? m.legs.map((leg) => ({
            meter: leg.meter,
            dates: readDates(m),
            previous: leg.from.toString(),
            current: leg.to.toString(),
            usage: leg.usage.toString(),
          }))
        : [
            {
              meter: m.meter,
              dates: readDates(m),
              previous: m.previous?.toString() ?? "",
              current: m.rereadRequested || m.usage === null ? "" : (m.current?.toString() ?? ""),
              usage: m.rereadRequested ? "re-read requested" : m.usage === null ? "not read" : m.usage.toString(),
            },
          ],
    );
    if (meters.length === 0 && s.account.meter && s.decision.usage)
      meters.push({ meter: s.account.meter, dates: "", previous: "", current: "", usage: "not read" });
    // The last 13 periods (the statement carries at most that many).
    const skip = Math.max(0, s.usageHistory.usages.length - HISTORY);
    const periodEnds = s.usageHistory.periodEnds.slice(skip);
    const usages = s.usageHistory.usages.slice(skip);
    const notice = s.collection.notice;
    const row: (string | number | undefined)[] = [
      s.billNumber,
      s.account.account,
      s.account.name,
      lines[0],
      lines[1],
      lines[2],
      lines[3],
      s.account.serviceAddress,
      s.billDate,
      s.dueDate,
      dateText(s.dueDate, office.dateFormat),
      s.periodStart,
      s.periodEnd,
      s.serviceDays,
      s.decision.code === "BALANCE_ONLY" ? "statement" : s.final ? "final" : "regular",
      s.previousBalance.toCents(),
      s.payments.toCents(),
      s.adjustments.toCents(),
      s.fees.toCents(),
      ...services.map((svc) => (byService.get(svc) ?? Money.zero).toCents()),
      s.currentCharges.toCents(),
      s.totalDue.toCents(),
      after ? addDays(s.dueDate, policy.graceDays) : undefined,
      after ? s.totalDue.plus(Money.of(fee)).toCents() : undefined,
      meters.map((m) => m.meter).join(" | "),
      meters.map((m) => m.dates).join(" | "),
      meters.map((m) => m.previous).join(" | "),
      meters.map((m) => m.current).join(" | "),
      meters.map((m) => m.usage).join(" | "),
      s.decision.usage?.toString(),
      isEstimated(s.decision.code) ? "yes" : "no",
      s.decision.estimate?.method,
      notice?.rung,
      notice?.amount.toCents(),
      notice?.payBy,
      billPageMessages(s, office, policy, usageUnit).join(" | "),
      s.chargeLines
        .map(
          (l) => `${l.service}: ${l.description}, ${quantityText(l.quantity)} ${l.unit} at ${l.price.toString()} = ${l.amount.toCents()}`,
        )
        .join(" | "),
      [...s.otherLines]
        .sort((x, y) => ((x.date ?? "9999") < (y.date ?? "9999") ? -1 : (x.date ?? "9999") > (y.date ?? "9999") ? 1 : 0))
        .map((l) => `${l.date ? `${l.date} ` : ""}${l.description} = ${l.amount.toCents()}`)
        .join(" | "),
      s.account.autopay && s.decision.code !== "BALANCE_ONLY" ? "yes" : "no",
      office.remitTo || [office.utilityName, office.address].filter(Boolean).join(", "),
      ...Array.from({ length: HISTORY }, (_, i) => {
        return i < usages.length ? [periodEnds[i].slice(0, 7), quantityText(usages[i]).replace(/,/g, "")] : [undefined, undefined];
      }).flat(),
      scanLine(s.account.account, s.totalDue, s.dueDate),
    ];
    yield row.map(csvField).join(",") + "\r\n";
  }
}

const readDates = (m: MeterReading) => (m.previousDate && m.currentDate ? `${m.previousDate} to ${m.currentDate}` : (m.currentDate ?? ""));

/** One CSV field: quoted when it holds a comma, quote or line break; text that would run as a formula gets an apostrophe. */
export function csvField(value: string | number | undefined): string {
  if (value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

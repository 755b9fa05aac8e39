import {
  addDays,
  computeBackBill,
  computeBill,
  computeLeakCredit,
  dec,
  EDIT_CODES,
  EditCode,
  RateSchedule,
  toExcelSerial,
} from "../engine";
import type { CellValue } from "../workbook/port";
import { DEFAULT_OFFICE, officeRows } from "../cycle/office";
import { pick, seeded, toCents } from "./random";

/**
 * A synthetic city for `npm run demo` and the benchmarks: seeded and deterministic. Residential
 * and commercial accounts with meter sizes, dwelling units, carts and containers; 13 months of
 * seasonal usage history; balances with aging; payments (one returned check); a leak credit and a
 * back-bill computed by the engine; a meter exchange; accounts opening and closing (some closed in
 * July and still owing); landlords with two accounts; and planted read anomalies so that every
 * read-edit code appears. Every name and address is invented.
 */
export interface DemoCityOptions {
  readonly accounts: number;
  readonly seed: number;
  /** Months of usage history before the billed period (the demo uses 13). */
  readonly historyMonths: number;
}

const FIRST = [
  "Maria",
  "James",
  "Linda",
  "Robert",
  "Ana",
  "Wei",
  "Fatima",
  "John",
  "Grace",
  "Luis",
  "Mei",
  "Omar",
  "Sara",
  "Tomas",
  "Nia",
  "Ivan",
  "Aiko",
  "Chen",
  "Rosa",
  "Dmitri",
];
const LAST = [
  "Alvarez",
  "Baker",
  "Chen",
  "Duarte",
  "Evans",
  "Fischer",
  "Garcia",
  "Hansen",
  "Ito",
  "Jensen",
  "Kowalski",
  "Lopez",
  "Martin",
  "Nguyen",
  "Olsen",
  "Patel",
  "Quinn",
  "Reyes",
  "Smith",
  "Núñez",
];
const STREETS = [
  "Arthur Ave",
  "Garfield Ave",
  "Hayes Ave",
  "Lincoln Ave",
  "Center St",
  "Main St",
  "Oak St",
  "Pine St",
  "Yellowstone Ave",
  "Alameda Rd",
  "Maple St",
  "Elm St",
];
const SEASON = [1, 0.9, 0.9, 0.95, 1.1, 1.4, 1.7, 1.8, 1.6, 1.3, 1.05, 0.95]; // Jan..Dec

const PREV_READ = "2026-09-30";
const CUR_READ = "2026-10-30";

/** Which anomaly (if any) an account carries: one code per 500 accounts, cycling through the catalog. */
function anomalyFor(i: number): EditCode | undefined {
  const slot = i % 500;
  return slot >= 1 && slot <= EDIT_CODES.length ? EDIT_CODES[slot - 1] : undefined;
}

export function demoCity(schedule: RateSchedule, options: DemoCityOptions): Record<string, CellValue[][]> {
  const rand = seeded(options.seed);
  const serial = toExcelSerial;
  const reads: CellValue[][] = [
    [
      "Route",
      "Sequence",
      "Account",
      "Meter",
      "Service Address",
      "Previous Read Date",
      "Previous Read",
      "Current Read Date",
      "Current Read",
      "Read Code",
      "Dials",
      "Multiplier",
      "Meter Size",
      "Reader Note",
      "Old Meter Final Read",
      "New Meter Set Read",
      "New Meter",
    ],
  ];
  const accounts: CellValue[][] = [
    [
      "Account",
      "Name",
      "Service Address",
      "Mailing Address",
      "Status",
      "Open Date",
      "Close Date",
      "Rate Class",
      "Meter",
      "Meter Size",
      "Dials",
      "Multiplier",
      "Dwelling Units",
      "Cart Size",
      "Cart Count",
      "Container Size",
      "Containers",
      "Pickups Per Week",
      "Deposit",
      "Level Pay",
      "Level Pay Amount",
      "Level Pay Deferred",
      "Autopay",
      "E-Bill",
      "Email",
      "Arrangement Until",
      "Arrangement Amount",
      "NSF Count",
      "Out For Shutoff",
    ],
  ];
  const history: CellValue[][] = [["Account", "Period", "Usage", "Days", "Read Code"]];
  const balances: CellValue[][] = [["Account", "Balance", "Water", "Sewer", "Garbage", "Current", "30 Days", "60 Days", "90+ Days"]];
  const payments: CellValue[][] = [["Date", "Account", "Amount", "Method", "Reference", "Returned"]];
  const adjustments: CellValue[][] = [["Account", "Date", "Type", "Service", "Amount", "Corrects", "Description"]];
  const periods = Array.from({ length: options.historyMonths }, (_, k) => monthEnd(2026, 9 - (options.historyMonths - 1 - k)));
  let leakDone = false;
  let backBillDone = false;

  // A landlord's second account: the name and mailing address of the account before, so their
  // letters share an envelope.
  let previousOwner: { name: string; mailing: string } | undefined;
  for (let i = 0; i < options.accounts; i++) {
    const account = String(200000 + i);
    const commercial = rand() < 0.08;
    const anomaly = anomalyFor(i);
    const secondAccount = i % 389 === 2 && previousOwner !== undefined && !commercial;
    const name = secondAccount
      ? previousOwner!.name
      : commercial
        ? `${pick(rand, LAST)} ${pick(rand, ["Cafe", "Market", "Dental", "Auto", "Laundry", "Bakery"])}`
        : `${pick(rand, LAST)}, ${pick(rand, FIRST)}`;
    const address = `${100 + Math.floor(rand() * 4900)} ${pick(rand, ["N", "S", "E", "W"])} ${pick(rand, STREETS)}`;
    const meterSize = commercial ? pick(rand, ["1", "1.5", "2", "3"]) : rand() < 0.8 ? "3/4" : "5/8";
    const units = !commercial && rand() < 0.03 ? 2 : 1;
    const base = commercial ? 20000 + rand() * 100000 : (3500 + rand() * 5000) * units;
    const opened = i % 211 === 5 ? "2026-10-12" : undefined;
    // Closed at the end of July with the final bill unpaid: on the collections list.
    const longClosed = !opened && !anomaly && i % 457 === 13 ? "2026-07-31" : undefined;
    const closed = longClosed ?? (i % 223 === 7 ? "2026-10-20" : undefined);
    const vacant = anomaly === "USAGE_ON_INACTIVE" || (!opened && !closed && i % 149 === 11);
    const status = vacant ? "Vacant" : closed ? "Final" : "Active";
    const meter = `M${account}`;
    const levelPay = !commercial && i % 37 === 3;
    const monthly = periods.map((p) => Math.round((base * SEASON[Number(p.slice(5, 7)) - 1] * (0.9 + rand() * 0.2)) / 10) * 10);
    const repeated = anomaly === "REPEATED_USAGE" ? monthly[monthly.length - 1] : undefined;
    if (repeated !== undefined) for (let k = monthly.length - 3; k < monthly.length; k++) monthly[k] = repeated;
    if (!opened) {
      periods.forEach((p, k) =>
        history.push([
          account,
          serial(p),
          monthly[k],
          k === 0 ? 30 : daysIn(p),
          anomaly === "CONSECUTIVE_ESTIMATES" && k === periods.length - 1 ? "E" : "A",
        ]),
      );
    }
    const last3 = monthly.slice(-3).reduce((a, b) => a + b, 0) / 3;
    let usage = repeated ?? Math.round((base * SEASON[9] * (0.92 + rand() * 0.16)) / 10) * 10;
    const scaled: Partial<Record<EditCode, number>> = { HIGH_USAGE: 1.9, VERY_HIGH_USAGE: 4.5, LOW_USAGE: 0.35, VERY_LOW_USAGE: 0.05 };
    if (anomaly && scaled[anomaly]) usage = Math.round((last3 * scaled[anomaly]!) / 10) * 10;
    if (anomaly === "ZERO_USAGE") usage = 0;

    const previous = Math.floor(rand() * 8_000_000);
    let row: Record<string, CellValue> = {
      account,
      meter,
      previous,
      current: previous + usage,
      prevDate: serial(PREV_READ),
      curDate: serial(CUR_READ),
      code: "A",
      dials: 7,
      multiplier: 1,
      note: null,
      oldFinal: null,
      newSet: null,
      newMeter: null,
    };
    switch (anomaly) {
      case "NO_READ":
        row = { ...row, current: null, code: "S", note: "locked gate" };
        break;
      case "NEGATIVE_USAGE":
        row = { ...row, current: previous - 3000 };
        break;
      case "PROBABLE_ROLLOVER":
        row = { ...row, previous: 9_999_000, current: usage - 1000 >= 0 ? usage - 1000 : 200 };
        break;
      case "READ_EXCEEDS_REGISTER":
        row = { ...row, current: 12_345_678 };
        break;
      case "ESTIMATED_READ":
      case "CONSECUTIVE_ESTIMATES":
        row = { ...row, code: "E" };
        break;
      case "CUSTOMER_READ":
        row = { ...row, code: "C" };
        break;
      case "READ_DATES_OUT_OF_ORDER":
        row = { ...row, curDate: serial("2026-09-28") };
        break;
      case "CYCLE_LENGTH":
        row = { ...row, curDate: serial("2026-11-14") };
        break;
      case "MULTIPLIER_MISMATCH":
        row = { ...row, multiplier: 10, current: previous + Math.round(usage / 10) };
        break;
      case "METER_MISMATCH":
        row = { ...row, meter: `X${account}` };
        break;
      case "DUPLICATE_METER":
        row = { ...row, meter: `M${200000 + i + 1}` };
        break;
      case "METER_EXCHANGE":
        row = { ...row, oldFinal: previous + Math.round(usage / 2), newSet: 0, current: usage - Math.round(usage / 2), newMeter: meter };
        break;
      case "INVALID_VALUE":
        row = { ...row, current: `${previous + usage}`.replace(/0/g, "O") + "X" };
        break;
      case "MISSING_ID":
        row = { ...row, account: null };
        break;
      default:
        break;
    }
    if (!longClosed && (!(closed && i % 2 === 0) || anomaly)) {
      reads.push([
        "7",
        String(i + 1).padStart(6, "0"),
        row.account,
        row.meter,
        address,
        row.prevDate,
        row.previous,
        row.curDate,
        row.current,
        row.code,
        row.dials,
        row.multiplier,
        meterSize,
        row.note,
        row.oldFinal,
        row.newSet,
        row.newMeter,
      ]);
    }
    if (anomaly === "DUPLICATE_ACCOUNT")
      reads.push([
        "7",
        String(i + 1).padStart(6, "0") + "B",
        account,
        `M${account}B`,
        address,
        serial(PREV_READ),
        1000,
        serial(CUR_READ),
        1800,
        "A",
        7,
        1,
        "5/8",
        "irrigation meter",
        null,
        null,
        null,
      ]);
    if (anomaly === "UNKNOWN_ACCOUNT")
      reads.push([
        "7",
        "999" + String(i),
        `9${account}`,
        `M9${account}`,
        address,
        serial(PREV_READ),
        5000,
        serial(CUR_READ),
        9000,
        "A",
        7,
        1,
        "3/4",
        "new construction?",
        null,
        null,
        null,
      ]);

    const bill = (u: number, asOf: string) => {
      const b = computeBill(schedule, {
        usage: dec(u),
        asOf,
        rateClass: commercial ? "commercial" : "residential",
        dwellingUnits: units,
        carts: { count: commercial ? 0 : 1 },
        containers: commercial ? { count: 1, pickupsPerWeek: 2 } : undefined,
      });
      return b.ok ? b.value.total.toNumber() : 0;
    };
    const lastBill = opened ? 0 : bill(monthly[monthly.length - 1], PREV_READ);
    const agingRoll = rand();
    const aged = opened
      ? [0, 0, 0, 0]
      : longClosed
        ? [0, 0, 0, lastBill]
        : closed && i % 3 === 0
          ? // Moving out three bills behind: the final bill, never a shutoff notice.
            [lastBill, lastBill, lastBill, 0]
          : agingRoll < 0.85
            ? [lastBill, 0, 0, 0]
            : agingRoll < 0.95
              ? [lastBill, lastBill, 0, 0]
              : agingRoll < 0.99
                ? [lastBill, lastBill, lastBill, 0]
                : [lastBill, lastBill, lastBill, lastBill];
    const total = toCents(aged.reduce((a, b) => a + b, 0));
    const water = toCents(total * 0.3);
    const sewer = toCents(total * 0.55);
    balances.push([account, total, water, sewer, toCents(total - water - sewer), ...aged.map(toCents)]);
    const arrangement = aged[2] > 0 && i % 5 === 0;
    const levelAmount = levelPay
      ? toCents(monthly.slice(-12).reduce((a, u) => a + bill(u, PREV_READ), 0) / Math.min(12, monthly.length))
      : null;
    const mailing = secondAccount
      ? previousOwner!.mailing
      : i % 41 === 0
        ? `PO Box ${1000 + i}, Demo City, ID 83201`
        : `${address}, Demo City, ID 83201`;
    previousOwner = { name, mailing };
    accounts.push([
      account,
      name,
      address,
      mailing,
      status,
      opened ? serial(opened) : null,
      closed ? serial(closed) : null,
      commercial ? "commercial" : "residential",
      meter,
      meterSize,
      7,
      1,
      units,
      commercial ? null : "standard",
      commercial ? 0 : rand() < 0.1 ? 2 : 1,
      commercial ? "3yd" : null,
      commercial ? 1 : null,
      commercial ? 2 : null,
      i % 3 === 0 ? 0 : 75,
      levelPay ? "Yes" : "No",
      levelAmount,
      levelPay ? toCents((rand() - 0.5) * 40) : 0,
      rand() < 0.2 ? "Yes" : "No",
      i % 10 < 3 ? "Yes" : "No",
      i % 10 < 3 ? `customer${account}@example.com` : null,
      arrangement ? serial("2027-02-28") : null,
      arrangement ? toCents(total / 4) : null,
      i % 997 === 1 ? 1 : 0,
      aged[3] > 0 && i % 3 === 0 && !longClosed ? serial("2026-10-15") : null,
    ]);

    const movedOutBehind = closed !== undefined && !longClosed && i % 3 === 0;
    if (total > 0 && !longClosed && !movedOutBehind && (rand() < 0.93 || arrangement)) {
      const late = rand() < 0.1;
      const day = late ? 24 + Math.floor(rand() * 6) : 1 + Math.floor(rand() * 20);
      const method = pick(rand, ["mail", "mail", "counter", "drop box", "card by phone", "bank draft"]);
      const returned = i % 2000 === 17;
      payments.push([
        serial(`2026-10-${String(day).padStart(2, "0")}`),
        account,
        arrangement ? toCents(total / 4) : total,
        method,
        method === "mail" || returned ? `check ${1000 + (i % 9000)}` : "",
        returned ? "Yes" : "No",
      ]);
    }
    if (!leakDone && !commercial && !anomaly && !opened && !closed && i > 100) {
      const credit = computeLeakCredit({
        schedule,
        account: { carts: { count: 1 } },
        periods: [{ asOf: PREV_READ, usage: dec(monthly[monthly.length - 1] + 40000) }],
        baseline: dec(Math.round(last3)),
        policy: {
          creditShare: dec("0.5"),
          pricing: "blocks",
          creditStep: dec(1000),
          creditRounding: "up",
          adjustSewer: false,
          waterServices: ["water"],
          sewerServices: ["sewer"],
        },
        previousAdjustments: [],
        asOf: "2026-10-05",
      });
      if (credit.ok) {
        adjustments.push([
          account,
          serial("2026-10-05"),
          "leak credit",
          "water",
          -credit.value.total.toNumber(),
          `20260930-${account}`,
          `Leak credit: half of ${credit.value.periods[0].excess.toString()} gal over normal, repaired`,
        ]);
        leakDone = true;
      }
    }
    if (!backBillDone && commercial && !anomaly && !opened && !closed) {
      const periodsBack = periods
        .slice(-3)
        .map((p, k) => ({ asOf: p, billedUsage: dec(Math.round(monthly[monthly.length - 3 + k] / 10)) }));
      const back = computeBackBill(
        schedule,
        { rateClass: "commercial", carts: { count: 0 }, containers: { count: 1, pickupsPerWeek: 2 } },
        periodsBack,
        { undercharge: dec(1), multiplier: { billed: dec(1), corrected: dec(10) }, lookbackMonths: 12 },
        "2026-10-10",
      );
      if (back.ok && back.value.amount.amount.greaterThan(0)) {
        adjustments.push([
          account,
          serial("2026-10-10"),
          "back-bill",
          "water",
          back.value.amount.toNumber(),
          `${periods[periods.length - 3].slice(0, 7)} to ${periods[periods.length - 1].slice(0, 7)}`,
          "Back-bill: meter set up without its x10 multiplier",
        ]);
        backBillDone = true;
      }
    }
  }
  return {
    Reads: reads,
    Accounts: accounts,
    "Usage History": history,
    Balances: balances,
    Payments: payments,
    Adjustments: adjustments,
    Office: demoOffice(),
  };
}

/** The invented office Demo City's bills and letters come from (a 555-01xx phone number, .example addresses). */
function demoOffice(): CellValue[][] {
  return officeRows({
    ...DEFAULT_OFFICE,
    utilityName: "City of Demo City Utility Billing",
    officeName: "Utility Billing Office",
    address: "100 Main St, Demo City, ID 83201",
    remitTo: "City of Demo City Utility Billing, PO Box 100, Demo City, ID 83201",
    phone: "(208) 555-0100",
    hours: "Monday to Friday, 8 am to 5 pm",
    web: "www.democity.example/utilities",
    email: "billing@democity.example",
    payByMail: "Mail a check or money order, with your account number, to PO Box 100, Demo City, ID 83201",
    payInPerson: "City Hall, 100 Main St: cash, check or card",
    payDropBox: "Outside City Hall, open all hours",
    payByPhone: "Call (208) 555-0100 with a credit or debit card",
    payOnline: "www.democity.example/pay",
    payAutopay: "Ask for an autopay form: your bill is drafted on its due date",
  });
}

function monthEnd(year: number, month: number): string {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((((month - 1) % 12) + 12) % 12) + 1;
  const next = `${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, "0")}-01`;
  return addDays(next, -1);
}

function daysIn(periodEnd: string): number {
  return Number(periodEnd.slice(8, 10));
}

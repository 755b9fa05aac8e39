import { toExcelSerial } from "../engine";
import type { CellValue } from "../workbook/port";
import { sampleReadsWorkbook } from "./sampleReads";
import { DEFAULT_OFFICE, officeRows } from "../cycle/office";
import { reviewLogRows } from "../review/decisions";
import type { Decision } from "../review/decisions";

/**
 * The sample route of sampleReads.ts made into a billing cycle (October 2026, Chubbuck's published
 * rates): Accounts with billing details, opening Balances by service with aging, Payments (one
 * returned), Adjustments (a leak credit and a back-bill), so every output has something to show.
 * Synthetic: names, addresses and amounts are invented for the sample.
 */
export function sampleCycleWorkbook(): Record<string, CellValue[][]> {
  const base = sampleReadsWorkbook();
  const reviewAccounts = base.Accounts;
  const address = (account: string) => reviewAccounts.find((r) => r[0] === account)![2];
  const address102 = address("100102");
  const header = [
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
  ];
  const special: Record<string, Partial<Record<(typeof header)[number], CellValue>>> = {
    "100104": { "Level Pay": "Yes", "Level Pay Amount": 95, "Level Pay Deferred": 12.5, Autopay: "Yes" },
    // A written payment arrangement not kept this cycle: the ladder applies again.
    "100105": {
      "E-Bill": "Yes",
      Email: "customer100105@example.com",
      "Arrangement Until": toExcelSerial("2027-01-31"),
      "Arrangement Amount": 40,
    },
    "100106": { "NSF Count": 1 },
    "100114": { "Arrangement Until": toExcelSerial("2027-03-31"), "Arrangement Amount": 30 },
    "100116": { "Out For Shutoff": toExcelSerial("2026-10-20") },
    "100125": {
      Status: "Final",
      "Close Date": toExcelSerial("2026-10-15"),
      Deposit: 150,
      "Mailing Address": "PO Box 4169, Pocatello, ID 83205",
    },
    "100126": { "Open Date": toExcelSerial("2026-10-10"), Deposit: 0 },
    // Tom Baker's second account: his letters for both go in one envelope to his mailing address.
    "100113": { Name: "Baker, Tom", "Mailing Address": `${address102}, Sampleton, ID 83200` },
  };
  const accounts: CellValue[][] = [header];
  const extra: CellValue[][] = [
    // Closed in July and still owing: on the collections list.
    ["100127", "Customer 100127", "127 N Hayes Ave", "Final", "residential", "M100127", "3/4", 6, 1],
    // Active, but no read came in for its meter: billed on an estimate from its history.
    ["100128", "Customer 100128", "128 N Arthur Ave", "Active", "residential", "M100128", "3/4", 6, 1],
  ];
  const closed: Record<string, Partial<Record<(typeof header)[number], CellValue>>> = {
    "100127": { "Close Date": toExcelSerial("2026-07-15"), "Mailing Address": "88 Elm St, Boise, ID 83702", Deposit: 0 },
  };
  for (const row of [...reviewAccounts.slice(1), ...extra]) {
    const [account, name, address, status, rateClass, meter, meterSize, dials, multiplier] = row;
    const values: Record<string, CellValue> = {
      Account: account,
      Name: name,
      "Service Address": address,
      // Full mailing addresses, as a window envelope needs them.
      "Mailing Address": `${address}, Sampleton, ID 83200`,
      Status: status,
      "Rate Class": rateClass,
      Meter: meter,
      "Meter Size": meterSize,
      Dials: dials,
      Multiplier: multiplier,
      "Dwelling Units": 1,
      "Cart Count": 1,
      Deposit: 75,
      "Level Pay": "No",
      Autopay: "No",
      "E-Bill": "No",
      "NSF Count": 0,
      ...special[String(account)],
      ...closed[String(account)],
    };
    accounts.push(header.map((h) => values[h] ?? null));
  }

  // Opening balances by age: [current, 30 days, 60 days, 90+ days]; accounts not listed owe nothing.
  const aging: Record<string, number[]> = {
    "100101": [104.1, 0, 0, 0],
    "100102": [90, 60, 0, 0],
    "100103": [60, 0, 0, 0],
    "100104": [95, 0, 0, 0],
    "100105": [60, 60, 0, 0],
    "100106": [80, 0, 0, 0],
    "100110": [50, 50, 50, 25],
    "100113": [100, 50, 50, 0],
    "100114": [50, 50, 50, 0],
    "100116": [0, 0, 120, 80],
    "100118": [80, 0, 0, 0],
    "100121": [104.1, 0, 0, 0],
    "100125": [95, 0, 0, 0],
    "100127": [0, 0, 0, 62.4],
  };
  const balances: CellValue[][] = [["Account", "Balance", "Water", "Sewer", "Garbage", "Current", "30 Days", "60 Days", "90+ Days"]];
  for (const row of accounts.slice(1)) {
    const account = String(row[0]);
    const aged = aging[account] ?? [0, 0, 0, 0];
    const cents = Math.round(aged.reduce((a, b) => a + b, 0) * 100);
    const water = Math.round(cents * 0.3);
    const sewer = Math.round(cents * 0.5);
    balances.push([account, cents / 100, water / 100, sewer / 100, (cents - water - sewer) / 100, ...aged]);
  }

  const d = (iso: string) => toExcelSerial(iso);
  const payments: CellValue[][] = [
    ["Date", "Account", "Amount", "Method", "Reference", "Returned"],
    [d("2026-10-12"), "100101", 104.1, "mail", "check 2211", "No"],
    [d("2026-10-05"), "100104", 95, "bank draft", "ACH 551", "No"],
    [d("2026-10-10"), "100106", 80, "drop box", "check 1234", "Yes"],
    [d("2026-10-14"), "100113", 50, "counter", "", "No"],
    [d("2026-10-16"), "100114", 30, "card by phone", "conf 88231", "No"],
    [d("2026-10-18"), "100118", 120, "mail", "check 3307", "No"],
    [d("2026-10-28"), "100121", 40, "counter", "", "No"],
    [d("2026-10-21"), "100103", 60, "mail", "check 901", "No"],
  ];
  const adjustments: CellValue[][] = [
    ["Account", "Date", "Type", "Service", "Amount", "Corrects", "Description"],
    ["100101", d("2026-10-08"), "leak credit", "water", -12.5, "20260930-100101", "Leak credit, half the excess (repaired Sep 20)"],
    ["100113", d("2026-10-22"), "back-bill", "water", 18.4, "2026-08", "Back-bill: August read under-registered"],
  ];
  const history = [...base["Usage History"]];
  ["2026-07-31", "2026-08-31", "2026-09-30"].forEach((period, i) =>
    history.push(["100128", toExcelSerial(period), [6200, 5900, 6100][i], [31, 31, 30][i], "A"]),
  );
  // Decisions already made in the read review: re-reads sent for the negative usage and the read
  // too big for its register. Until they are read again, the cycle estimates both and says so.
  // Written as the add-in writes it: When in the office's time (Mountain, 6 hours behind UTC on
  // Oct 31), the exact instant in Recorded (UTC).
  const mountain = (iso: string) => (Date.parse(iso) - 6 * 3_600_000 - Date.UTC(1899, 11, 30)) / 86_400_000;
  const reread = (at: string, account: string, read: string, reason: string): Decision => ({
    at,
    account,
    meter: `M${account}`,
    code: "*",
    kind: "reread",
    reason,
    key: `${account}|M${account}|*|${read}`,
  });
  const reviewLog: CellValue[][] = reviewLogRows(
    [
      reread("2026-10-31T15:12:00Z", "100109", "120000", "NEGATIVE_USAGE: read again"),
      reread("2026-10-31T15:14:00Z", "100111", "1250000", "READ_EXCEEDS_REGISTER: read again"),
    ],
    mountain,
  );
  const workOrders: CellValue[][] = [
    ["Work Order", "Type", "Account", "Meter", "Service Address", "Reason", "Requested", "Status"],
    ["WO-000001", "Re-read", "100109", "M100109", address("100109"), "NEGATIVE_USAGE: read again", "2026-10-31", "Open"],
    ["WO-000002", "Re-read", "100111", "M100111", address("100111"), "READ_EXCEEDS_REGISTER: read again", "2026-10-31", "Open"],
  ];
  // The office the sample's bills and notices come from: invented, with a 555-01xx phone number.
  const office: CellValue[][] = officeRows({
    ...DEFAULT_OFFICE,
    utilityName: "City of Sampleton Utility Billing",
    officeName: "Utility Billing Office",
    address: "100 N Main St, Sampleton, ID 83200",
    remitTo: "City of Sampleton Utility Billing, PO Box 100, Sampleton, ID 83200",
    phone: "(208) 555-0100",
    hours: "Monday to Friday, 8 am to 5 pm",
    web: "www.sampleton.example/utilities",
    email: "billing@sampleton.example",
    payByMail: "Mail a check or money order, with your account number, to PO Box 100, Sampleton, ID 83200",
    payInPerson: "City Hall, 100 N Main St: cash, check or card",
    payDropBox: "Outside City Hall, open all hours",
    payByPhone: "Call (208) 555-0100 with a credit or debit card",
    payOnline: "www.sampleton.example/pay",
    payAutopay: "Ask for an autopay form: your bill is drafted on its due date",
    message: "Fix a running toilet: it can waste 200 gallons a day. Ask us for a free leak kit.",
  });
  return {
    Reads: base.Reads,
    Accounts: accounts,
    "Usage History": history,
    "Review Log": reviewLog,
    "Work Orders": workOrders,
    Office: office,
    Balances: balances,
    Payments: payments,
    Adjustments: adjustments,
  };
}

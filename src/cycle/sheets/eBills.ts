import { Money, Statement } from "../../engine";
import type { CellValue } from "../../workbook/port";
import { amountText, dateText } from "../format";
import { billMessages } from "../notices";
import type { Office } from "../settings";
import { OutputSheet } from "./output";

export const E_BILLS_SHEET = "E-Bills";

/**
 * The accounts that take their bill by email instead of paper: a row each with the address to send
 * to, the amount and due date, and the one-line summary the email opens with (with the account's
 * notice, when it has one). They are not in the Bills print run.
 */
export function eBillsSheet(statements: readonly Statement[], office: Office): OutputSheet {
  const rows: CellValue[][] = [["Account", "Name", "Email", "Amount Due", "Due Date", "Summary"]];
  const d8 = (date: string) => dateText(date, office.dateFormat);
  const $ = (m: Money) => amountText(m, office.moneyFormat);
  for (const s of statements) {
    if (!s.account.eBill) continue;
    const notice = billMessages(s, "gal", office).find((m) =>
      /^(PAST DUE|PLEASE PAY|LATE NOTICE|FINAL NOTICE|FINAL BILL|COLLECTIONS|RETURNED PAYMENT):/.test(m),
    );
    rows.push([
      s.account.account,
      s.account.name,
      s.account.email ?? null,
      s.totalDue.toNumber(),
      d8(s.dueDate),
      `Your ${office.utilityName} bill for ${d8(s.periodStart)} to ${d8(s.periodEnd)}: ${$(s.totalDue)} due ${d8(s.dueDate)}.${notice ? ` ${notice}` : ""}`,
    ]);
  }
  if (rows.length === 1) rows.push(["No account takes its bill by email."]);
  return {
    name: E_BILLS_SHEET,
    rows,
    options: {
      headerRows: 1,
      columnWidths: [10, 24, 30, 12, 14, 100],
      columnFormats: [undefined, undefined, undefined, '"$"#,##0.00;-"$"#,##0.00'],
      print: { orientation: "landscape", repeatRows: 1, fitToWidth: true },
    },
  };
}

import { parsePayments } from "../../src/workbook/cycleSheets";

describe("parsePayments", () => {
  it("reads every channel a batch posts by, in the words billing systems export, and names a method it does not know", () => {
    const read = parsePayments({
      sheet: "Payments",
      top: 0,
      left: 0,
      values: [
        ["Date", "Account", "Amount", "Method", "Reference"],
        ["2026-11-02", "100101", 91.6, "Online", "conf 1"],
        ["2026-11-02", "100102", 150, "web", "conf 2"],
        ["2026-11-02", "100103", 24, "ACH", ""],
        ["2026-11-02", "100104", 10, "Drop Box", ""],
        ["2026-11-02", "100105", 10, "bitcoin", ""],
      ],
    });
    if (!read.ok) throw new Error("no table");
    expect(read.value.records.map((p) => p.method)).toEqual(["online", "online", "bank draft", "drop box"]);
    expect(read.value.problems).toEqual([
      'Payments!D6: Method must be mail, counter, drop box, card by phone, online or bank draft; got "bitcoin"',
    ]);
  });
});

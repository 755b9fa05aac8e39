import { Dec, toExcelSerial } from "../../src/engine";
import { appendAccountChanges } from "../../src/accounts/accountChanges";
import { loadImpactData } from "../../src/impact/impactData";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";

const d = toExcelSerial;

function workbook() {
  const months = ["2025-08-31", "2025-09-30", "2025-10-31", "2025-11-30"];
  return new MemoryWorkbook({
    Accounts: [
      ["Account", "Name", "Service Address", "Status", "Rate Class", "Meter Size", "Cart Count"],
      ["1", "A", "1 Main St", "Active", "residential", "3/4", 1],
      ["2", "B", "2 Main St", "Active", "residential", "3/4", 2],
    ],
    "Usage History": [
      ["Account", "Period", "Usage"],
      ...months.flatMap((m) => [
        ["1", d(m), 4000],
        ["2", d(m), 6000],
      ]),
    ],
  });
}

describe("loadImpactData", () => {
  it("takes the last N months' bills and each account as it was at each bill (Account Changes in effect then)", async () => {
    const wb = workbook();
    await appendAccountChanges(wb, [
      {
        account: "2",
        field: "Rate Class",
        value: "commercial",
        was: "residential",
        effective: "2025-10-15",
        task: "t",
        reason: "",
        recorded: "2025-10-15T00:00:00Z",
      },
      {
        account: "2",
        field: "Cart Count",
        value: "0",
        was: "2",
        effective: "2025-10-15",
        task: "t",
        reason: "",
        recorded: "2025-10-15T00:00:00Z",
      },
    ]);
    const data = await loadImpactData(wb, 3);
    if (!data.ok) throw new Error(data.message);
    expect(data.value.months).toEqual(["2025-09", "2025-10", "2025-11"]);
    expect(data.value.bills).toHaveLength(6);
    expect(data.value.bills.every((b) => b.usage instanceof Dec)).toBe(true);
    expect(data.value.inputsOf("2", "2025-09-30")).toMatchObject({ rateClass: "residential", carts: { count: 2 } });
    expect(data.value.inputsOf("2", "2025-10-31")).toMatchObject({ rateClass: "commercial", carts: { count: 0 } });
    expect(data.value.inputsOf("1", "2025-10-31")).toMatchObject({ rateClass: "residential", meterSize: "3/4", carts: { count: 1 } });
    expect(data.value.inputsOf("9", "2025-10-31")).toBeUndefined();
  });
});

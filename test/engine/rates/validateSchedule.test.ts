import { validateSchedule } from "../../../src/engine";
import { loadSchedule, sampleScheduleIds } from "../../support/samples";

const minimal = () => ({
  id: "t",
  name: "Test",
  usageUnit: "gal",
  versions: [{ effective: "2025-01-01", charges: [{ id: "b", service: "water", description: "Base", kind: "fixed", amount: "10.00" }] }],
});

describe("validateSchedule", () => {
  it.each(sampleScheduleIds())("accepts the committed sample %s", (id) => {
    expect(loadSchedule(id).id).toBe(id);
  });

  it("fills documented defaults", () => {
    const r = validateSchedule(minimal());
    expect(r.ok && [r.value.frequency, r.value.cycleDays, r.value.rounding, r.value.classes]).toEqual([
      "monthly",
      30,
      "halfUp",
      ["residential"],
    ]);
  });

  const broken: [string, (s: ReturnType<typeof minimal>) => unknown, RegExp][] = [
    [
      "a bad price",
      (s) => {
        (s.versions[0].charges[0] as Record<string, unknown>).amount = "abc";
        return s;
      },
      /versions\[0\]\.charges\[0\]\.amount: expected a decimal/,
    ],
    [
      "an unknown kind",
      (s) => {
        (s.versions[0].charges[0] as Record<string, unknown>).kind = "flat";
        return s;
      },
      /kind: expected one of fixed, meterBase/,
    ],
    [
      "a misspelt field",
      (s) => {
        (s.versions[0].charges[0] as Record<string, unknown>).amout = "1";
        return s;
      },
      /amout: unknown field/,
    ],
    [
      "a bad date",
      (s) => {
        s.versions[0].effective = "2025-02-30";
        return s;
      },
      /effective: expected a date/,
    ],
    [
      "versions out of order",
      (s) => {
        s.versions.push({ ...s.versions[0], effective: "2024-01-01" });
        return s;
      },
      /oldest first/,
    ],
    [
      "a duplicated charge id",
      (s) => {
        s.versions[0].charges.push({ ...s.versions[0].charges[0] });
        return s;
      },
      /used twice/,
    ],
    [
      "an unknown unit",
      (s) => {
        s.usageUnit = "litre";
        return s;
      },
      /usageUnit: expected one of gal, kgal/,
    ],
    [
      "falling block limits",
      (s) => {
        s.versions[0].charges.push({
          id: "u",
          service: "water",
          description: "Usage",
          kind: "blocks",
          unit: "kgal",
          blocks: [
            { upTo: "5", price: "1" },
            { upTo: "3", price: "2" },
          ],
        } as never);
        return s;
      },
      /block limits must rise/,
    ],
    [
      "an open block before the last",
      (s) => {
        s.versions[0].charges.push({
          id: "u",
          service: "water",
          description: "Usage",
          kind: "blocks",
          unit: "kgal",
          blocks: [
            { upTo: null, price: "1" },
            { upTo: "3", price: "2" },
          ],
        } as never);
        return s;
      },
      /only the last block/,
    ],
    [
      "a tax of a later charge",
      (s) => {
        s.versions[0].charges.unshift({
          id: "tax",
          service: "tax",
          description: "Tax",
          kind: "percentOfLines",
          percent: "6",
          of: ["b"],
        } as never);
        return s;
      },
      /must be the id of an earlier charge/,
    ],
    [
      "a class that does not exist",
      (s) => {
        (s.versions[0].charges[0] as Record<string, unknown>).classes = ["industrial"];
        return s;
      },
      /class "industrial" is not one of residential/,
    ],
    [
      "an occurrence charge with no add-on",
      (s) => {
        (s.versions[0].charges[0] as Record<string, unknown>).per = "occurrence";
        return s;
      },
      /must name its addOn/,
    ],
  ];
  it.each(broken)("names the path and expectation for %s", (_name, breakIt, message) => {
    const r = validateSchedule(breakIt(minimal()));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problem.code).toBe("INVALID_SCHEDULE");
      expect(r.problem.message).toMatch(/^rate schedule "t": /);
      expect(r.problem.message).toMatch(message);
    }
  });

  it("rejects something that is not a schedule at all", () => {
    const r = validateSchedule([1, 2]);
    expect(!r.ok && r.problem.message).toMatch(/expected an object/);
  });
});

describe("numbers in a schedule (docs/inputs.md)", () => {
  const withAmount = (amount: unknown) => {
    const s = minimal();
    (s.versions[0].charges[0] as Record<string, unknown>).amount = amount;
    return validateSchedule(s);
  };

  it.each(["1000000000000", "1e12", 1e12])("takes an amount at the limit, %j", (amount) => {
    expect(withAmount(amount).ok).toBe(true);
  });

  it.each(["1000000000000.01", "9e999999999999999", "1e13", 1e300])("refuses an amount past the limit, %j, naming its path", (amount) => {
    const r = withAmount(amount);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problem.message).toMatch(
        /^rate schedule "t": versions\[0\]\.charges\[0\]\.amount: expected a decimal from -1,000,000,000,000 to 1,000,000,000,000/,
      );
  });

  it.each([
    [366, true],
    [367, false],
    [1e300, false],
  ])("takes cycleDays %s: %s", (days, ok) => {
    expect(validateSchedule({ ...minimal(), cycleDays: days }).ok).toBe(ok);
  });
});

import { computeConsumption, dec } from "../../../src/engine";

describe("computeConsumption", () => {
  it("takes the difference of two reads", () => {
    const r = computeConsumption({ previous: dec(1200), current: dec(1850) });
    expect(r.ok && r.value.usage.toString()).toBe("650");
  });

  it("adds the register's capacity when a 4-dial register rolls over past 9999", () => {
    const r = computeConsumption({ previous: dec(9950), current: dec(30), dials: 4 });
    expect(r.ok && r.value.usage.toString()).toBe("80");
    expect(r.ok && r.value.rolledOver).toBe(true);
  });

  it("applies the meter multiplier", () => {
    const r = computeConsumption({ previous: dec(100), current: dec(125), multiplier: dec(10) });
    expect(r.ok && r.value.usage.toString()).toBe("250");
  });

  it("truncates each read to the billing unit before taking usage", () => {
    const r = computeConsumption({ previous: dec(5999), current: dec(9001), unitSize: dec(1000) });
    expect(r.ok && r.value.usage.toString()).toBe("4");
  });

  it("rolls over in billing units when reads are truncated", () => {
    const r = computeConsumption({ previous: dec(999500), current: dec(2100), dials: 6, unitSize: dec(1000) });
    expect(r.ok && r.value.usage.toString()).toBe("3");
  });

  it("adds the old meter's final usage to the new meter's usage across an exchange", () => {
    const r = computeConsumption({ previous: dec(4500), current: dec(300) }, { oldFinal: dec(4800), newSet: dec(0) });
    expect(r.ok && r.value.usage.toString()).toBe("600");
    expect(r.ok && r.value.legs).toHaveLength(2);
  });

  it("uses the new meter's own multiplier after an exchange", () => {
    const r = computeConsumption(
      { previous: dec(100), current: dec(5), multiplier: dec(1) },
      { oldFinal: dec(110), newSet: dec(0), newMultiplier: dec(10) },
    );
    expect(r.ok && r.value.usage.toString()).toBe("60");
  });

  it("reports a read below the previous one when the dial count is unknown", () => {
    const r = computeConsumption({ previous: dec(500), current: dec(400) });
    expect(!r.ok && r.problem.code).toBe("READ_BELOW_PREVIOUS");
    expect(!r.ok && r.problem.message).toMatch(/400 is below the previous read 500/);
  });

  it("reports a read too large for the register", () => {
    const r = computeConsumption({ previous: dec(500), current: dec(12000), dials: 4 });
    expect(!r.ok && r.problem.code).toBe("READ_EXCEEDS_REGISTER");
  });

  it("rejects negative reads and a zero multiplier", () => {
    expect(computeConsumption({ previous: dec(-1), current: dec(5) }).ok).toBe(false);
    expect(computeConsumption({ previous: dec(1), current: dec(5), multiplier: dec(0) }).ok).toBe(false);
  });
});

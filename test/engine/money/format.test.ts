import { dec, Money, moneyText, quantityText } from "../../../src/engine";

describe("moneyText", () => {
  it.each([
    ["0", "$0.00"],
    ["97.2", "$97.20"],
    ["2362.54", "$2,362.54"],
    ["2500128.29", "$2,500,128.29"],
    ["-306.89", "-$306.89"],
    ["-0.004", "$0.00"],
    ["1.005", "$1.01"],
    ["-1.005", "-$1.01"],
  ])("shows %s as %s", (value, text) => {
    expect(moneyText(dec(value))).toBe(text);
  });

  it("shows Money the same way", () => {
    expect(moneyText(Money.of("1234567.8"))).toBe("$1,234,567.80");
  });
});

describe("quantityText", () => {
  it("groups thousands and keeps every decimal", () => {
    expect([quantityText(dec("8000")), quantityText(dec("1234567.125"))]).toEqual(["8,000", "1,234,567.125"]);
  });
});

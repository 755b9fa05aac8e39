import { FakeExcel } from "../../src/fakes/fakeExcel";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";

function setup(options = {}) {
  const fake = new FakeExcel(
    new MemoryWorkbook({
      S: [
        ["a", 1],
        ["b", 2],
      ],
    }),
    options,
  );
  const { Excel } = fake.globals() as { Excel: any };
  return { fake, Excel };
}

describe("FakeExcel", () => {
  it("refuses a property read before load() and sync()", async () => {
    const { Excel } = setup();
    await Excel.run(async (ctx: any) => {
      const range = ctx.workbook.worksheets.getItem("S").getRangeByIndexes(0, 0, 2, 2);
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
      range.load("values");
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
      await ctx.sync();
      expect(range.values).toEqual([
        ["a", 1],
        ["b", 2],
      ]);
    });
  });

  it("queues writes until sync() and counts each sync", async () => {
    const { fake, Excel } = setup();
    await Excel.run(async (ctx: any) => {
      ctx.workbook.worksheets.getItem("S").getRangeByIndexes(0, 0, 1, 1).values = [["z"]];
      expect(fake.workbook.sheet("S")!.values[0][0]).toBe("a");
      await ctx.sync();
    });
    expect(fake.workbook.sheet("S")!.values[0][0]).toBe("z");
    expect(fake.stats.syncs).toBe(1);
    expect(fake.stats.coercions).toEqual([]);
  });

  it("fails a request over 5 MB as Excel on the web does", async () => {
    const { Excel } = setup();
    await expect(
      Excel.run(async (ctx: any) => {
        const big = Array.from({ length: 60_000 }, () => ["x".repeat(100)]);
        ctx.workbook.worksheets.getItem("S").getRangeByIndexes(0, 0, big.length, 1).values = big;
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
  });

  it("fails a read of more than 5,000,000 cells", async () => {
    const { Excel } = setup();
    await expect(
      Excel.run(async (ctx: any) => {
        ctx.workbook.worksheets.getItem("S").getRangeByIndexes(0, 0, 1_000_000, 6).load("values");
        await ctx.sync();
      }),
    ).rejects.toThrow(/over Excel's limit/);
  });

  it("reports a missing sheet at sync, or as a null object", async () => {
    const { Excel } = setup();
    await Excel.run(async (ctx: any) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject("Nope");
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
    });
    await expect(
      Excel.run(async (ctx: any) => {
        ctx.workbook.worksheets.getItem("Nope").getRangeByIndexes(0, 0, 1, 1).load("values");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  it("records a string written without the text format as a coercion", async () => {
    const { fake, Excel } = setup();
    await Excel.run(async (ctx: any) => {
      ctx.workbook.worksheets.getItem("S").getRangeByIndexes(0, 0, 1, 1).values = [["=1+1"]];
      await ctx.sync();
    });
    expect(fake.stats.coercions).toEqual(["=1+1"]);
  });
});

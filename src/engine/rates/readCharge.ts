import { ROUNDING_MODES } from "../money/rounding";
import { VOLUME_UNITS } from "../units/volume";
import { normalizeBinSize, normalizeMeterSize } from "./meterSize";
import { array, at, bool, decimal, Json, noUnknownKeys, object, oneOf, optionalText, problem, ReadError, table, text } from "./reader";
import type { Block, BlocksCharge, Charge, Season, VolumeBasis } from "./types";
import { CHARGE_KINDS } from "./types";

const COMMON = ["id", "service", "description", "kind", "classes", "season", "addOn"];

const FIELDS: Record<Charge["kind"], string[]> = {
  fixed: ["amount", "per"],
  meterBase: ["amounts", "perDwellingUnit"],
  thresholdBase: ["unit", "threshold", "atOrBelow", "above"],
  blocks: ["unit", "blocks", "allowance", "allowancePerDwellingUnit", "blocksPerDwellingUnit", "basis", "wholeUnits"],
  carts: ["sizes"],
  containers: ["sizes"],
  percentOfLines: ["percent", "of"],
};

/** Reads one charge of a schedule's JSON; throws ReadError naming the path of the first problem. */
export function readCharge(value: Json, path: string): Charge {
  const raw = object(value, path);
  const kind = oneOf(raw.kind, at(path, "kind"), CHARGE_KINDS);
  noUnknownKeys(raw, path, [...COMMON, ...FIELDS[kind]]);
  const base = {
    id: text(raw.id, at(path, "id")),
    service: text(raw.service, at(path, "service")).toLowerCase(),
    description: text(raw.description, at(path, "description")),
    classes:
      raw.classes === undefined ? undefined : array(raw.classes, at(path, "classes")).map((c, i) => text(c, at(at(path, "classes"), i))),
    season: raw.season === undefined ? undefined : readSeason(raw.season, at(path, "season")),
    addOn: optionalText(raw.addOn, at(path, "addOn")),
  };
  const p = (key: string) => at(path, key);
  switch (kind) {
    case "fixed": {
      const per = raw.per === undefined ? "account" : oneOf(raw.per, p("per"), ["account", "dwellingUnit", "occurrence"] as const);
      if (per === "occurrence" && base.addOn === undefined) throw new ReadError(`${p("per")}: a charge per occurrence must name its addOn`);
      return { ...base, kind, amount: decimal(raw.amount, p("amount"), { min: 0 }), per };
    }
    case "meterBase":
      return {
        ...base,
        kind,
        amounts: table(raw.amounts, p("amounts"), normalizeMeterSize, (v, q) => decimal(v, q, { min: 0 })),
        perDwellingUnit: bool(raw.perDwellingUnit, p("perDwellingUnit"), false),
      };
    case "thresholdBase":
      return {
        ...base,
        kind,
        unit: oneOf(raw.unit, p("unit"), VOLUME_UNITS),
        threshold: decimal(raw.threshold, p("threshold"), { min: 0 }),
        atOrBelow: decimal(raw.atOrBelow, p("atOrBelow"), { min: 0 }),
        above: decimal(raw.above, p("above"), { min: 0 }),
      };
    case "blocks":
      return readBlocksCharge(raw, path, base);
    case "carts":
      return {
        ...base,
        kind,
        sizes: table(raw.sizes, p("sizes"), normalizeBinSize, (v, q) => {
          const o = object(v, q);
          noUnknownKeys(o, q, ["first", "additional"]);
          return {
            first: decimal(o.first, at(q, "first"), { min: 0 }),
            additional: decimal(o.additional, at(q, "additional"), { min: 0 }),
          };
        }),
      };
    case "containers":
      return {
        ...base,
        kind,
        sizes: table(raw.sizes, p("sizes"), normalizeBinSize, (v, q) => {
          const o = object(v, q);
          noUnknownKeys(o, q, ["perPickup", "base", "additionalContainer"]);
          return {
            perPickup: decimal(o.perPickup, at(q, "perPickup"), { min: 0 }),
            base: decimal(o.base ?? "0", at(q, "base"), { min: 0 }),
            additionalContainer: decimal(o.additionalContainer ?? "0", at(q, "additionalContainer"), { min: 0 }),
          };
        }),
      };
    case "percentOfLines": {
      const of = array(raw.of, p("of")).map((c, i) => text(c, at(p("of"), i)));
      if (of.length === 0) problem(p("of"), "at least one charge id", raw.of);
      return { ...base, kind, percent: decimal(raw.percent, p("percent"), { min: 0 }), of };
    }
  }
}

function readBlocksCharge(
  raw: Record<string, Json>,
  path: string,
  base: Omit<BlocksCharge, "kind" | "unit" | "blocks" | "allowancePerDwellingUnit" | "blocksPerDwellingUnit">,
): BlocksCharge {
  const p = (key: string) => at(path, key);
  const list = array(raw.blocks, p("blocks"));
  if (list.length === 0) problem(p("blocks"), "at least one block", raw.blocks);
  const blocks: Block[] = list.map((entry, i) => {
    const q = at(p("blocks"), i);
    const o = object(entry, q);
    noUnknownKeys(o, q, ["upTo", "price"]);
    const last = i === list.length - 1;
    const upTo = o.upTo === null || o.upTo === undefined || o.upTo === "" ? null : decimal(o.upTo, at(q, "upTo"), { positive: true });
    if (upTo === null && !last) throw new ReadError(`${at(q, "upTo")}: only the last block may have no upper limit`);
    return { upTo, price: decimal(o.price, at(q, "price"), { min: 0 }) };
  });
  for (let i = 1; i < blocks.length; i++) {
    const prev = blocks[i - 1].upTo;
    const cur = blocks[i].upTo;
    if (prev !== null && cur !== null && !cur.greaterThan(prev)) {
      throw new ReadError(`${at(at(p("blocks"), i), "upTo")}: block limits must rise; ${cur} is not above ${prev}`);
    }
  }
  const allowance =
    raw.allowance === undefined
      ? undefined
      : typeof raw.allowance === "object" && raw.allowance !== null
        ? table(raw.allowance, p("allowance"), normalizeMeterSize, (v, q) => decimal(v, q, { min: 0 }))
        : decimal(raw.allowance, p("allowance"), { min: 0 });
  return {
    ...base,
    kind: "blocks",
    unit: oneOf(raw.unit, p("unit"), VOLUME_UNITS),
    blocks,
    allowance,
    allowancePerDwellingUnit: bool(raw.allowancePerDwellingUnit, p("allowancePerDwellingUnit"), false),
    blocksPerDwellingUnit: bool(raw.blocksPerDwellingUnit, p("blocksPerDwellingUnit"), false),
    basis: raw.basis === undefined ? undefined : readBasis(raw.basis, p("basis")),
    wholeUnits: raw.wholeUnits === undefined ? undefined : oneOf(raw.wholeUnits, p("wholeUnits"), ROUNDING_MODES),
  };
}

function readBasis(value: Json, path: string): VolumeBasis {
  const o = object(value, path);
  noUnknownKeys(o, path, ["percentOfUsage", "cap", "capDefault"]);
  return {
    percentOfUsage: o.percentOfUsage === undefined ? undefined : decimal(o.percentOfUsage, at(path, "percentOfUsage"), { min: 0 }),
    cap: o.cap === undefined ? undefined : oneOf(o.cap, at(path, "cap"), ["winterAverage"] as const),
    capDefault: o.capDefault === undefined ? undefined : decimal(o.capDefault, at(path, "capDefault"), { min: 0 }),
  };
}

function readSeason(value: Json, path: string): Season {
  const o = object(value, path);
  noUnknownKeys(o, path, ["from", "to"]);
  const md = (v: Json, q: string) => {
    if (typeof v !== "string" || !/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(v)) problem(q, 'a month-day such as "05-01"', v);
    return v;
  };
  return { from: md(o.from, at(path, "from")), to: md(o.to, at(path, "to")) };
}

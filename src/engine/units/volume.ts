import { Dec } from "../decimal";

/**
 * Volume units a meter or schedule uses. `ccf` and `hcf` are both hundred cubic feet.
 * `unit748` is the 748-gallon "unit" some utilities bill (Grants Pass, OR).
 */
export type VolumeUnit = "gal" | "kgal" | "cf" | "ccf" | "hcf" | "unit748";

/**
 * Gallons per unit. 1 CCF = 748.05 gallons as the domain notes state (../shared/domain: "1 CCF =
 * 748.05 gallons"); the exact US figure is 748.0519..., a difference of 0.0003% that
 * docs/deviations.md records.
 */
const GALLONS_PER: Record<VolumeUnit, string> = {
  gal: "1",
  kgal: "1000",
  cf: "7.4805",
  ccf: "748.05",
  hcf: "748.05",
  unit748: "748",
};

/** The same factors as decimals, parsed once. */
const FACTORS = Object.fromEntries(Object.entries(GALLONS_PER).map(([k, v]) => [k, new Dec(v)])) as Record<VolumeUnit, Dec>;

const LABELS: Record<VolumeUnit, string> = {
  gal: "gal",
  kgal: "thousand gal",
  cf: "cu ft",
  ccf: "CCF",
  hcf: "HCF",
  unit748: "unit (748 gal)",
};

export const VOLUME_UNITS = Object.keys(GALLONS_PER) as VolumeUnit[];

/** A volume with its unit. Volumes only change unit through `convertVolume`. */
export interface Volume {
  readonly amount: Dec;
  readonly unit: VolumeUnit;
}

export function volume(amount: Dec | string | number, unit: VolumeUnit): Volume {
  return { amount: new Dec(amount), unit };
}

export function isVolumeUnit(value: unknown): value is VolumeUnit {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(GALLONS_PER, value);
}

/** Converts a volume to another unit at full precision (no rounding). */
export function convertVolume(from: Volume, to: VolumeUnit): Volume {
  if (from.unit === to) return from;
  const gallons = from.unit === "gal" ? from.amount : from.amount.times(FACTORS[from.unit]);
  return { amount: to === "gal" ? gallons : gallons.div(FACTORS[to]), unit: to };
}

/** The label a bill prints for a unit: "thousand gal", "CCF". */
export function unitLabel(unit: VolumeUnit): string {
  return LABELS[unit];
}

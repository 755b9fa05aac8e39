/** The billing engine's public surface. Pure: decimal.js and itself, nothing else. */
export { Dec, dec, isDecimalText, ZERO, ONE } from "./decimal";
export { assert, InvariantError } from "./assert";
export type { Problem, ProblemCode, Result } from "./problems";
export { ok, fail, NOT_AVAILABLE_CODES } from "./problems";
export { Money, sumMoney } from "./money/money";
export { allocate } from "./money/allocate";
export type { RoundingMode } from "./money/rounding";
export { roundToCents, roundToStep, ROUNDING_MODES, isRoundingMode } from "./money/rounding";
export type { Volume, VolumeUnit } from "./units/volume";
export { convertVolume, isVolumeUnit, unitLabel, volume, VOLUME_UNITS } from "./units/volume";
export type { IsoDate } from "./dates/civilDate";
export {
  addDays, addMonths, daysBetween, fromExcelSerial, inSeason, isIsoDate, toExcelSerial,
} from "./dates/civilDate";
export type { Consumption, MeterExchange, MeterReads } from "./reads/computeConsumption";
export { computeConsumption } from "./reads/computeConsumption";
export type * from "./rates/types";
export { CHARGE_KINDS } from "./rates/types";
export { validateSchedule } from "./rates/validateSchedule";
export { scheduleToJson } from "./rates/scheduleToJson";
export type { ScheduleRow } from "./rates/scheduleRows";
export { scheduleToRows, rowsToScheduleJson } from "./rates/scheduleRows";
export { selectVersion } from "./rates/selectVersion";
export { normalizeMeterSize, normalizeBinSize } from "./rates/meterSize";
export type { TierRow, TierOptions } from "./rates/priceTieredUsage";
export { priceTieredUsage } from "./rates/priceTieredUsage";
export type { Bill, BillInput, BillLine, BlockDetail, ServiceTotal } from "./bills/types";
export { computeBill } from "./bills/computeBill";
export type { UsageEstimate, UsagePeriod } from "./estimates/estimateUsage";
export { estimateUsage } from "./estimates/estimateUsage";
export { winterQuarterAverage, AVERAGE_MONTH_DAYS } from "./estimates/winterQuarterAverage";
export type { LeakCredit, LeakPeriod, LeakPeriodCredit, LeakPolicy } from "./leakAdjustment/types";
export type { LeakRequest } from "./leakAdjustment/computeLeakCredit";
export { computeLeakCredit } from "./leakAdjustment/computeLeakCredit";
export type { BackBill, BackBillPeriod, BackBillPeriodResult, BackBillPolicy } from "./backBill/computeBackBill";
export { computeBackBill } from "./backBill/computeBackBill";
export { prorate } from "./proration/prorate";
export { usageDeviation } from "./reads/usageDeviation";

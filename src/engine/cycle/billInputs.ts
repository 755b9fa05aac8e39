import type { BillInput } from "../bills/types";
import type { CycleAccount } from "./types";

/**
 * What an account's bill is priced on besides its usage and date: class, meter size, dwelling
 * units, carts and containers, as the Accounts sheet gives them. Level pay's history, leak credits
 * and back-bills price past months with it, as the statement prices this one.
 */
export function billInputsOf(account: CycleAccount): Omit<BillInput, "usage" | "asOf"> {
  return {
    rateClass: account.rateClass,
    meterSize: account.meterSize,
    dwellingUnits: account.dwellingUnits,
    carts: { count: account.cartCount ?? 0, size: account.cartSize },
    containers: account.containers,
  };
}

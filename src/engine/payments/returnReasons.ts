/**
 * ACH return reason codes a utility's autopay debits come back with (NACHA Operating Rules,
 * Appendix Four; ../shared/domain/README.md). `endsAutopay`: the account cannot be debited again
 * until the customer gives new bank details (R02, R03, R04) or withdrew the authority (R10, and the
 * other "not authorized" codes).
 */
export const RETURN_REASONS: Readonly<Record<string, { readonly description: string; readonly endsAutopay: boolean }>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, { description: string; endsAutopay: boolean }>, {
    R01: { description: "insufficient funds", endsAutopay: false },
    R02: { description: "account closed", endsAutopay: true },
    R03: { description: "no account, or unable to locate the account", endsAutopay: true },
    R04: { description: "invalid account number", endsAutopay: true },
    R05: { description: "unauthorized debit to a consumer account", endsAutopay: true },
    R06: { description: "returned at the originating bank's request", endsAutopay: false },
    R07: { description: "authorization revoked by the customer", endsAutopay: true },
    R08: { description: "payment stopped", endsAutopay: false },
    R09: { description: "uncollected funds", endsAutopay: false },
    R10: { description: "customer advises not authorized", endsAutopay: true },
    R11: { description: "customer advises the entry is not in keeping with the authorization", endsAutopay: false },
    R12: { description: "account sold to another bank", endsAutopay: true },
    R14: { description: "account holder deceased", endsAutopay: true },
    R15: { description: "beneficiary deceased", endsAutopay: true },
    R16: { description: "account frozen", endsAutopay: true },
    R20: { description: "non-transaction account", endsAutopay: true },
    R29: { description: "corporate customer advises not authorized", endsAutopay: true },
  }),
);

/**
 * Whether a payment row is the reversal of a draft whose return reason ends autopay: the reason
 * code is written after the line it reverses ("B-2026-11-02-BANKDRAFT-1 line 4; R03 no account ...").
 */
export function endsAutopay(p: { readonly reverses?: string }): boolean {
  const code = p.reverses && /;\s*(R\d\d)\b/.exec(p.reverses)?.[1];
  return Boolean(code && RETURN_REASONS[code]?.endsAutopay);
}

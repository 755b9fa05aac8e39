import { IsoDate, transferBalance } from "../../engine";
import { balanceNow } from "../../engine";
import { appendAccountChanges } from "../accountChanges";
import { change, money, refuse, rowsText, TaskContext, TaskOutcome, Written, writtenText } from "./context";
import { appendAdjustments, closeService, FinalBill, FinalUsage } from "./closeService";
import { openService, OpenRequest } from "./openService";

export const TRANSFER_TASK = "Transfer of service";

export interface TransferRequest {
  readonly from: string;
  /** The last day at the old address. */
  readonly closeDate: IsoDate;
  readonly usage: FinalUsage;
  /** The new service: the customer's name and mailing address are the old account's unless given. */
  readonly to: Omit<OpenRequest, "name" | "owner" | "depositWaiver"> & { readonly name?: string; readonly owner?: boolean };
}

/**
 * A customer moving within the city: the old account's final bill is made (closeService, without
 * settling), a new account opens at the new address (openService, no new deposit: the one on file
 * moves), and the old balance moves with it (transferBalance): a credit on the old account and a
 * charge on the new one, each naming the other, and the past-due part named so the specialist and
 * the next notice see it was already past due.
 */
export async function transferService(
  ctx: TaskContext,
  request: TransferRequest,
): Promise<TaskOutcome<{ account: string; finalBill: FinalBill }>> {
  const old = ctx.data.accounts.get(request.from);
  if (!old) return refuse(`account ${request.from} is not on the Accounts sheet`);
  const opened = await openService(
    ctx,
    {
      ...request.to,
      // The customer's carts and e-mail move with them unless the form says otherwise.
      cartCount: request.to.cartCount ?? old.cartCount,
      cartSize: request.to.cartSize ?? (request.to.cartCount === undefined ? old.cartSize : undefined),
      email: request.to.email?.trim() || old.email,
      name: request.to.name?.trim() || old.name,
      mailingAddress: request.to.mailingAddress?.trim() || undefined,
      owner: request.to.owner ?? false,
      depositWaiver: "transfer",
      openDate: request.to.openDate,
    },
    { amount: "0.00", waivers: ["transfer"], ownersExempt: false },
  );
  if (!opened.ok) return opened;
  const account = opened.result.account;
  // The final bill goes where the customer now gets mail: with the welcome letter, in one envelope.
  const closed = await closeService(ctx, {
    account: old.account,
    closeDate: request.closeDate,
    usage: request.usage,
    transferTo: account,
    forwardingAddress: request.to.mailingAddress?.trim() || undefined,
  });
  if (!closed.ok) return refuse(`account ${account} was opened, but the old account could not be closed: ${closed.message}`);
  const before = balanceNow(
    ctx.data.balances.get(old.account),
    ctx.data.payments.get(old.account) ?? [],
    ctx.data.adjustments.get(old.account) ?? [],
    ctx.data.lastBillDate,
  );
  const moved = transferBalance(before.aging, old.deposit);
  const carried = closed.result.balanceBefore.plus(closed.result.charges);
  const written: Written[] = [...opened.written, ...closed.written];
  if (!carried.isZero()) {
    const pastDue = moved.pastDue.greaterThan(0) ? `, of which ${money(moved.pastDue)} was past due at the last bill` : "";
    written.push(
      rowsText(
        await appendAdjustments(ctx, [
          {
            account: old.account,
            date: ctx.today,
            kind: "credit",
            service: "transfer",
            amount: carried.negated(),
            corrects: closed.result.bill,
            description: `Balance of ${money(carried)} transferred to account ${account}`,
          },
          {
            account,
            date: ctx.today,
            kind: "charge",
            service: "transfer",
            amount: carried,
            corrects: closed.result.bill,
            description: `Balance of ${money(carried)} transferred from account ${old.account}${pastDue}`,
          },
        ]),
      ),
    );
  }
  const moves = [];
  if (!old.deposit.isZero())
    moves.push(
      change(ctx, account, "Deposit", old.deposit.toFixed(2), "", request.to.openDate, TRANSFER_TASK, `Moved from account ${old.account}`),
    );
  // Paperless billing moves with the customer; autopay does not: the bank authorization names the old account.
  if (old.eBill)
    moves.push(change(ctx, account, "E-Bill", "Yes", "", request.to.openDate, TRANSFER_TASK, `Moved from account ${old.account}`));
  if (moves.length) written.push(rowsText(await appendAccountChanges(ctx.port, moves)));
  const summary = `Transferred ${old.name} from account ${old.account} (closed ${request.closeDate}) to new account ${account} at ${request.to.serviceAddress}: ${money(carried)} carried${moved.pastDue.greaterThan(0) ? ` (${money(moved.pastDue)} past due)` : ""}${old.deposit.isZero() ? "" : `, deposit ${money(old.deposit)} moved`}.`;
  const detail = `${summary} Wrote ${writtenText(written)}.`;
  return {
    ok: true,
    summary,
    written,
    letter: closed.letter,
    notice: closed.notice,
    audit: { action: "account.transferred", subject: old.account, detail },
    // The new account's own trail starts with where it came from.
    moreAudit: [{ action: "account.transferred-in", subject: account, detail }],
    result: { account, finalBill: closed.result },
  };
}

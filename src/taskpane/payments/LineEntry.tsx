import { forwardRef, KeyboardEvent, useEffect, useImperativeHandle, useRef, useState } from "react";
import { Button, Caption1, Field, Input, makeStyles, MessageBar, MessageBarBody, tokens } from "@fluentui/react-components";
import { AccountForPayment, checkBatchLine, Dec, findCardNumber, IsoDate, moneyText, ONE } from "../../engine";
import { useFormStyles } from "../layout";
import { parseAmount } from "./batchForm";

const useStyles = makeStyles({
  entry: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  add: { alignSelf: "flex-start" },
});

export interface NewLine {
  readonly account: string;
  readonly amount: Dec;
  readonly reference: string;
}

export interface LineEntryHandle {
  focus(): void;
}

/**
 * Keys one payment: account, amount, check or confirmation number, each Enter moving on and the
 * last adding the line. The customer's name and balance show as the account is typed. A line the
 * engine refuses (an amount that is not positive whole cents, a card number) is not added; a card
 * number is cleared from the field at once, never kept.
 */
export const LineEntry = forwardRef<
  LineEntryHandle,
  { date: IsoDate; lookUp: (account: string) => AccountForPayment | undefined; onAdd: (line: NewLine) => void }
>(function LineEntry({ date, lookUp, onAdd }, ref) {
  const form = useFormStyles();
  const styles = useStyles();
  const [account, setAccount] = useState("");
  const [amount, setAmount] = useState("");
  const [reference, setReference] = useState("");
  const [problems, setProblems] = useState<string[]>([]);
  const accountBox = useRef<HTMLInputElement>(null);
  const amountBox = useRef<HTMLInputElement>(null);
  const referenceBox = useRef<HTMLInputElement>(null);
  useImperativeHandle(ref, () => ({ focus: () => accountBox.current?.focus() }), []);
  // A batch just opened (or come back to) is keyed from its account field.
  useEffect(() => accountBox.current?.focus(), []);
  const found = account.trim() ? lookUp(account.trim()) : undefined;

  const add = () => {
    const value = parseAmount(amount);
    const line = { account: account.trim(), amount: typeof value === "string" ? undefined : value, reference: reference.trim() };
    // The engine's own check, so the counter refuses exactly what posting would (a card number: PCI DSS).
    const check = checkBatchLine({ ...line, amount: line.amount ?? ONE }, date, found, []);
    const refused = [
      ...(typeof value === "string" ? [value] : []),
      ...(line.account ? [] : ["an account number is needed"]),
      ...(line.amount ? check.problems : check.problems.filter((p) => p.includes("card number"))),
    ];
    // Never keep a card number, not even in a field: the specialist keys the confirmation number instead.
    if (findCardNumber(line.account)) setAccount("");
    if (findCardNumber(line.reference)) setReference("");
    setProblems(refused);
    if (refused.length > 0 || !line.amount) {
      (findCardNumber(line.reference) ? referenceBox : typeof value === "string" ? amountBox : accountBox).current?.focus();
      return;
    }
    onAdd({ account: line.account, amount: line.amount, reference: line.reference });
    setAccount("");
    setAmount("");
    setReference("");
    accountBox.current?.focus();
  };
  const onEnter = (next: () => void) => (e: KeyboardEvent) => {
    if (e.key !== "Enter") return;
    e.preventDefault();
    next();
  };
  return (
    <div aria-label="Key a payment" role="group" className={styles.entry}>
      <div className={form.grid}>
        <Field label="Account">
          <Input
            ref={accountBox}
            className={form.control}
            value={account}
            onChange={(_, d) => setAccount(d.value)}
            onKeyDown={onEnter(() => amountBox.current?.focus())}
          />
        </Field>
        <Field label="Amount">
          <Input
            ref={amountBox}
            className={form.control}
            inputMode="decimal"
            value={amount}
            onChange={(_, d) => setAmount(d.value)}
            onKeyDown={onEnter(() => referenceBox.current?.focus())}
          />
        </Field>
        <Field label="Check or confirmation number">
          <Input
            ref={referenceBox}
            className={form.control}
            value={reference}
            onChange={(_, d) => setReference(d.value)}
            onKeyDown={onEnter(add)}
          />
        </Field>
      </div>
      <Caption1 role="status" aria-live="polite" data-customer>
        {account.trim() === ""
          ? "Key the account number; Enter moves on, and Enter in the last field adds the line."
          : found
            ? `${found.name || "(no name)"}: ${found.balance.isNegative() ? `${moneyText(found.balance.negated())} credit` : `owes ${moneyText(found.balance)}`}`
            : `Account ${account.trim()} is not on the Accounts sheet`}
      </Caption1>
      {problems.length > 0 && (
        <MessageBar layout="multiline" intent="error" role="alert">
          <MessageBarBody>Not added: {problems.join("; ")}</MessageBarBody>
        </MessageBar>
      )}
      <Button className={styles.add} onClick={add}>
        Add line
      </Button>
    </div>
  );
});

import { ReactNode, useEffect, useRef, useState } from "react";
import { Button, Subtitle2 } from "@fluentui/react-components";
import type { FinalBill } from "../../../accounts/tasks/closeService";
import type { CycleAccount, UsageRecord } from "../../../engine";
import { useTableStyles } from "../tableStyles";
import { CloseForm } from "./CloseForm";
import { FinalBillView } from "./FinalBillView";
import { TaskMessageBar } from "./TaskForm";
import { TaskName, tasksFor } from "./taskMenu";
import { TransferForm } from "./TransferForm";
import type { TaskMessage } from "./useTask";
import { AutopayForm } from "./AutopayForm";
import { AutopayOffForm, EBillForm, LevelPayOffForm } from "./ProgramForms";
import { LevelPayForm } from "./LevelPayForm";
import { PlanForm } from "./PlanForm";
import { LeakForm } from "./LeakForm";
import { BackBillForm } from "./BackBillForm";

/**
 * The account's tasks: a button for each that applies to it as it stands, each opening its form in
 * place below. A task done leaves its message, and a close its final bill, beside the account (kept
 * by account, so the fresh read of the workbook that follows does not lose them); `onDone` lets the
 * account's records read the audit log again.
 */
export function AccountTasks({
  account,
  history,
  onDone,
}: {
  account: CycleAccount;
  /** The account's Usage History, oldest first: the bills a leak or a back-bill can correct. */
  history: readonly UsageRecord[];
  onDone: () => void;
}) {
  const styles = useTableStyles();
  const [open, setOpen] = useState<TaskName>();
  const [messages, setMessages] = useState<ReadonlyMap<string, TaskMessage>>(new Map());
  const [bills, setBills] = useState<ReadonlyMap<string, FinalBill>>(new Map());
  const buttons = useRef(new Map<TaskName, HTMLElement | null>());
  const said = useRef<HTMLDivElement>(null);
  const [focusMessage, setFocusMessage] = useState(0);
  const id = account.account;
  // Another account chosen: its own tasks, none open.
  useEffect(() => setOpen(undefined), [id]);
  useEffect(() => {
    if (focusMessage) said.current?.focus();
  }, [focusMessage]);

  const close = (task: TaskName) => {
    setOpen(undefined);
    buttons.current.get(task)?.focus();
  };
  const done = (message: TaskMessage, bill?: FinalBill) => {
    setMessages((m) => new Map(m).set(id, message));
    if (bill) setBills((b) => new Map(b).set(id, bill));
    setOpen(undefined);
    setFocusMessage((n) => n + 1);
    onDone();
  };
  const props = (task: TaskName) => ({ account, onDone: (m: TaskMessage) => done(m), onCancel: () => close(task) });
  const forms: Record<TaskName, () => ReactNode> = {
    close: () => <CloseForm account={account} onDone={done} onCancel={() => close("close")} />,
    transfer: () => <TransferForm account={account} onDone={done} onCancel={() => close("transfer")} />,
    autopay: () => <AutopayForm {...props("autopay")} />,
    autopayOff: () => <AutopayOffForm {...props("autopayOff")} />,
    eBill: () => <EBillForm on {...props("eBill")} />,
    eBillOff: () => <EBillForm on={false} {...props("eBillOff")} />,
    levelPay: () => <LevelPayForm {...props("levelPay")} />,
    levelPayOff: () => <LevelPayOffForm {...props("levelPayOff")} />,
    plan: () => <PlanForm {...props("plan")} />,
    leak: () => <LeakForm history={history} {...props("leak")} />,
    backBill: () => <BackBillForm history={history} {...props("backBill")} />,
  };
  const form = open && forms[open]();
  const bill = bills.get(id);
  return (
    <section className={styles.section} aria-labelledby="tasks-heading">
      <Subtitle2 as="h3" id="tasks-heading">
        Tasks
      </Subtitle2>
      <div role="group" aria-labelledby="tasks-heading" className={styles.actions}>
        {tasksFor(account, history.length).map((t) => (
          <Button
            key={t.task}
            size="small"
            ref={(el) => void buttons.current.set(t.task, el)}
            aria-expanded={open === t.task}
            onClick={() => {
              setMessages((m) => {
                const next = new Map(m);
                next.delete(id);
                return next;
              });
              setOpen(open === t.task ? undefined : t.task);
            }}
          >
            {t.label}…
          </Button>
        ))}
      </div>
      <div ref={said} tabIndex={-1}>
        <TaskMessageBar message={messages.get(id)} />
      </div>
      {form}
      {bill && <FinalBillView bill={bill} />}
    </section>
  );
}

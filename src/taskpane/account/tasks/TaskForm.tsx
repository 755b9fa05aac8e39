import { FormEvent, KeyboardEvent, ReactNode, useEffect, useRef } from "react";
import { Button, MessageBar, MessageBarBody, Subtitle2 } from "@fluentui/react-components";
import { useTableStyles } from "../tableStyles";
import type { TaskMessage } from "./useTask";

/** A Field's validation props once the form was submitted: the problem as its message. */
export function problemShown(tried: boolean, problem: string | undefined) {
  return tried && problem ? { validationState: "error" as const, validationMessage: problem } : {};
}

/** A task's outcome: a success status or an error alert. */
export function TaskMessageBar({ message }: { message?: TaskMessage }) {
  if (!message) return null;
  return (
    <MessageBar intent={message.ok ? "success" : "error"} role={message.ok ? "status" : "alert"} layout="multiline">
      <MessageBarBody>{message.text}</MessageBarBody>
    </MessageBar>
  );
}

/**
 * A task's form, opened in place: its first control takes the focus, Enter submits (from a select
 * or a radio button too, not only a text box), Escape or Cancel closes it. Nothing is written until
 * the submit button; `message` is the refusal of the last try.
 */
export function TaskForm({
  title,
  submit,
  busy,
  onSubmit,
  onCancel,
  message,
  children,
  actions,
  heading = "h4",
}: {
  title: string;
  /** The heading's level: h4 under the account's sections, h3 in the Account view itself. */
  heading?: "h3" | "h4";
  submit: string;
  busy: boolean;
  onSubmit: () => void;
  onCancel: () => void;
  message?: TaskMessage;
  children: ReactNode;
  /** More buttons beside the submit button (Deny, Change). */
  actions?: ReactNode;
}) {
  const styles = useTableStyles();
  const form = useRef<HTMLFormElement>(null);
  const refusal = useRef<HTMLDivElement>(null);
  useEffect(() => form.current?.querySelector<HTMLElement>("input, select, textarea")?.focus(), []);
  // A refusal takes the focus, so a keyboard user hears and sees why before going back to fix it.
  useEffect(() => {
    if (message && !message.ok) refusal.current?.focus();
  }, [message]);
  const submitted = (e: FormEvent) => {
    e.preventDefault();
    if (!busy) onSubmit();
  };
  const keyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === "Escape") {
      e.preventDefault();
      onCancel();
      return;
    }
    const target = e.target as HTMLElement;
    const tag = target.tagName.toLowerCase();
    // A text box submits on Enter by itself; a select, a radio button or a checkbox does not.
    if (e.key === "Enter" && (tag === "select" || (tag === "input" && /^(radio|checkbox)$/.test((target as HTMLInputElement).type)))) {
      e.preventDefault();
      form.current?.requestSubmit();
    }
  };
  return (
    // noValidate: the fields' own messages say what is wrong, not the browser's bubble (an email typed "a@example,com").
    <form ref={form} onSubmit={submitted} onKeyDown={keyDown} aria-label={title} className={styles.section} noValidate>
      <Subtitle2 as={heading}>{title}</Subtitle2>
      {children}
      {message && !message.ok && (
        <div ref={refusal} tabIndex={-1}>
          <TaskMessageBar message={message} />
        </div>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabledFocusable={busy}>
          {submit}
        </Button>
        {actions}
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}

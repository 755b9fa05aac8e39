import { useMemo, useRef, useState } from "react";
import { Button, Caption1, Field, Input, makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from "@fluentui/react-components";
import { findAccounts } from "../../engine";
import { useServices } from "../services";
import { useCounter } from "../account/counter";
import { AccountDetail } from "../account/AccountDetail";
import { OpenServiceForm } from "../account/tasks/OpenServiceForm";
import { TaskMessageBar } from "../account/tasks/TaskForm";
import type { TaskMessage } from "../account/tasks/useTask";

const useStyles = makeStyles({
  results: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column" },
  result: { justifyContent: "flex-start", textAlign: "left", width: "100%", fontWeight: tokens.fontWeightRegular },
  resultText: { display: "flex", flexDirection: "column", minWidth: 0, overflowWrap: "anywhere" },
  open: { alignSelf: "flex-start" },
});

/** How many accounts the type-ahead lists: enough to choose from, few enough to Tab through. */
const SHOWN = 8;

/**
 * The counter's first question: which account? Type-ahead over the Accounts sheet by number, name,
 * service address or meter (Enter takes the first), then everything about the chosen account.
 */
export function AccountView() {
  const styles = useStyles();
  const { workbook } = useServices();
  const counter = useCounter();
  const [query, setQuery] = useState("");
  const [status, setStatus] = useState<string>();
  /** The Open new service form, and what its last use said. */
  const [opening, setOpening] = useState(false);
  const [opened, setOpened] = useState<TaskMessage>();
  const openButton = useRef<HTMLButtonElement>(null);
  const { data } = counter;
  const results = useMemo(() => (data ? findAccounts(data.index, query, SHOWN) : []), [data, query]);
  const choose = (account: string) => {
    counter.select(account);
    setQuery("");
    setStatus(undefined);
  };
  const goTo = async () => {
    const at = data && counter.selected ? data.rows.get(counter.selected) : undefined;
    if (!data || !at) return;
    try {
      await workbook.select(data.sheets.accounts, at.row, at.column);
      setStatus(`Selected row ${at.row + 1} of the ${data.sheets.accounts} sheet.`);
    } catch (error) {
      setStatus(`The row could not be selected: ${(error as Error).message}`);
    }
  };
  return (
    <>
      {counter.message && (
        <MessageBar layout="multiline" intent="error">
          <MessageBarBody>{counter.message}</MessageBarBody>
        </MessageBar>
      )}
      <Button
        ref={openButton}
        className={styles.open}
        disabled={!data}
        aria-expanded={opening}
        onClick={() => {
          setOpened(undefined);
          setOpening(!opening);
        }}
      >
        Open new service…
      </Button>
      {opening && (
        <OpenServiceForm
          onDone={(message, account) => {
            setOpening(false);
            setOpened(message);
            counter.select(account);
            openButton.current?.focus();
          }}
          onCancel={() => {
            setOpening(false);
            openButton.current?.focus();
          }}
        />
      )}
      <TaskMessageBar message={opened} />
      <Field label="Find an account" hint="Account number, name, service address or meter; Enter opens the first found">
        <Input
          type="search"
          value={query}
          disabled={!data}
          onChange={(_, d) => setQuery(d.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && results.length > 0) choose(results[0].account);
          }}
        />
      </Field>
      {counter.loading && <Spinner size="tiny" label="Reading the accounts…" />}
      {data && query.trim() !== "" && (
        <>
          <Caption1 role="status">
            {results.length === 0 ? "No account found" : `${results.length === SHOWN ? `First ${SHOWN}` : results.length} found`}
          </Caption1>
          <ul className={styles.results} aria-label="Accounts found" data-query={query}>
            {results.map((r) => (
              <li key={r.account}>
                <Button appearance="subtle" className={styles.result} onClick={() => choose(r.account)}>
                  <span className={styles.resultText}>
                    <span>
                      {r.account} · {r.name}
                    </span>
                    <Caption1>{r.address}</Caption1>
                  </span>
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
      {status && <Caption1 role="status">{status}</Caption1>}
      {data && counter.selected && <AccountDetail data={data} account={counter.selected} onGoTo={() => void goTo()} />}
      {data && data.problems.length > 0 && (
        <Caption1>
          {data.problems.length} cell{data.problems.length === 1 ? "" : "s"} could not be read; those rows are left out. First:{" "}
          {data.problems[0]}
        </Caption1>
      )}
      {data && (
        <Button appearance="subtle" onClick={() => counter.load(true)}>
          Read the workbook again
        </Button>
      )}
    </>
  );
}

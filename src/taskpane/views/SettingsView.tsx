import { useEffect, useState } from "react";
import {
  Body1,
  Caption1,
  Dropdown,
  Field,
  makeStyles,
  Option,
  SpinButton,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import { useServices } from "../services";
import { useSchedules } from "../useSchedules";
import { DEFAULT_SETTINGS, loadSettings, saveSetting, Settings } from "../../storage/settings";
import type { AuditEntry } from "../../storage/db";
import { ReadEditSettings } from "./ReadEditSettings";
import { BillingSettings } from "./BillingSettings";
import { OfficeSettings } from "./OfficeSettings";
import { localTime } from "../localTime";
import { VaultExport } from "../account/tasks/VaultExport";

const useStyles = makeStyles({ form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, maxWidth: "320px" } });

/** Settings kept on this computer, and the latest audit-log entries. */
export function SettingsView() {
  const styles = useStyles();
  const { db } = useServices();
  const schedules = useSchedules();
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [audit, setAudit] = useState<AuditEntry[]>([]);

  useEffect(() => {
    void loadSettings(db).then(setSettings);
    void db.audit.orderBy("id").reverse().limit(20).toArray().then(setAudit);
  }, [db]);

  const update = async <K extends keyof Settings>(key: K, value: Settings[K]) => {
    setSettings((s) => ({ ...s, [key]: value }));
    await saveSetting(db, key, value);
  };

  return (
    <>
      <Subtitle2 as="h2">Settings</Subtitle2>
      <div className={styles.form}>
        <Field label="Default rate schedule" hint="Opened first by billing and the CLI demo.">
          <Dropdown
            value={settings.defaultSchedule}
            selectedOptions={[settings.defaultSchedule]}
            onOptionSelect={(_, d) => d.optionValue && void update("defaultSchedule", d.optionValue)}
          >
            {schedules.map(({ schedule }) => (
              <Option key={schedule.id} value={schedule.id} text={schedule.id}>
                {schedule.id}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label="Rows per Excel request" hint="500 to 50,000. Smaller blocks are gentler on Excel on the web.">
          <SpinButton
            value={settings.blockRows}
            min={500}
            max={50000}
            step={500}
            onChange={(_, d) => {
              const value = d.value ?? Number(d.displayValue);
              if (Number.isInteger(value) && value >= 500 && value <= 50000) void update("blockRows", value);
            }}
          />
        </Field>
      </div>
      <ReadEditSettings />
      <BillingSettings />
      <OfficeSettings />
      <VaultExport />
      <Subtitle2 as="h2">Audit log</Subtitle2>
      <Caption1>
        Kept on this computer. Every rate-schedule import, replacement and deletion, and every read-review decision, is recorded.
      </Caption1>
      {audit.length === 0 ? (
        <Body1>Nothing recorded yet.</Body1>
      ) : (
        <Table aria-label="Audit log" size="extra-small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>When</TableHeaderCell>
              <TableHeaderCell>What</TableHeaderCell>
              <TableHeaderCell>Detail</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {audit.map((entry) => (
              <TableRow key={entry.id}>
                <TableCell>{localTime(entry.at)}</TableCell>
                <TableCell>
                  {actionText(entry.action)}: {entry.subject}
                </TableCell>
                <TableCell>{entry.detail}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}

/** What the audit log's actions mean, in words. */
const ACTIONS: Record<string, string> = {
  "schedule.imported": "Rate schedule imported",
  "schedule.replaced": "Rate schedule replaced",
  "schedule.deleted": "Rate schedule deleted",
  "setting.changed": "Setting changed",
  "edit.approved": "Edit approved",
  "edit.estimated": "Read estimated",
  "edit.reread": "Re-read requested",
  "edit.exchange": "Meter exchange recorded",
};

export function actionText(action: string): string {
  return Object.prototype.hasOwnProperty.call(ACTIONS, action) ? ACTIONS[action] : action;
}

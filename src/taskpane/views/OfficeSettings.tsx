import { useEffect, useState } from "react";
import { Button, Caption1, Field, Input, makeStyles, Select, Subtitle2, tokens } from "@fluentui/react-components";
import { DATE_FORMATS, MONEY_FORMATS } from "../../cycle/format";
import { Office, OFFICE_FIELDS, OFFICE_SHEET, OFFICE_SHEET_OPTIONS, officeRows, parseOffice } from "../../cycle/office";
import { cleanOffice, loadSettings, saveSetting } from "../../storage/settings";
import { useServices } from "../services";

const useStyles = makeStyles({
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 180px), 1fr))", gap: tokens.spacingHorizontalM },
  select: { minWidth: 0, maxWidth: "100%" },
});

const CHOICES: Partial<Record<keyof Office, readonly string[]>> = {
  dateFormat: DATE_FORMATS,
  moneyFormat: MONEY_FORMATS,
  paper: ["Letter", "A4"],
};

/**
 * The office printed on bills, letters and door hangers: the workbook's Office sheet (the one
 * `ubill cycle` reads too), or this computer's last one when the workbook has none. Saving writes
 * the Office sheet, the add-in's own, and keeps a copy here for the next new workbook.
 */
export function OfficeSettings() {
  const styles = useStyles();
  const { db, workbook } = useServices();
  const [office, setOffice] = useState<Office>();
  const [status, setStatus] = useState<string>();
  useEffect(() => {
    void (async () => {
      const stored = (await loadSettings(db)).office;
      const sheet = await workbook.readSheet(OFFICE_SHEET).catch(() => undefined);
      const read = sheet ? parseOffice(sheet, stored) : undefined;
      setOffice(read?.office ?? stored);
      setStatus(
        read
          ? read.problems.length
            ? read.problems.join(" ")
            : `From the workbook's ${OFFICE_SHEET} sheet.`
          : `The workbook has no ${OFFICE_SHEET} sheet yet; saving writes one.`,
      );
    })();
  }, [db, workbook]);
  if (!office) return null;
  const save = async () => {
    const clean = cleanOffice(office);
    await workbook.replaceSheet(OFFICE_SHEET, officeRows(clean), OFFICE_SHEET_OPTIONS);
    await saveSetting(db, "office", clean);
    setStatus(`Saved to the ${OFFICE_SHEET} sheet.`);
  };
  return (
    <>
      <Subtitle2 as="h2">Office</Subtitle2>
      <Caption1>What bills, letters and door hangers say about the office and how to pay; blank lines are left off the page.</Caption1>
      <div className={styles.grid}>
        {OFFICE_FIELDS.map(({ key, label, hint }) => (
          <Field key={key} label={label} hint={CHOICES[key] ? undefined : hint || undefined}>
            {CHOICES[key] ? (
              <Select className={styles.select} value={office[key]} onChange={(_, d) => setOffice({ ...office, [key]: d.value })}>
                {CHOICES[key]!.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </Select>
            ) : (
              <Input value={office[key]} onChange={(_, d) => setOffice({ ...office, [key]: d.value })} />
            )}
          </Field>
        ))}
      </div>
      <Button appearance="primary" onClick={() => void save()}>
        Save to the {OFFICE_SHEET} sheet
      </Button>
      {status && <Caption1 role="status">{status}</Caption1>}
    </>
  );
}

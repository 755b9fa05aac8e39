import { useEffect, useState } from "react";
import { Button, Caption1, MessageBar, MessageBarBody, Subtitle2, Textarea } from "@fluentui/react-components";
import { exportSealedVault, vaultState } from "../../../storage/vaultStore";
import { useServices } from "../../services";
import { useTableStyles } from "../tableStyles";

const FILE = "autopay-vault.json";

/**
 * The Settings view's backup of the autopay vault (ADR 0010): the sealed file (ciphertext only,
 * useless without the passphrase) downloaded, or on a host that cannot download (Office for Mac)
 * copied to the clipboard and shown to copy. Says when the vault changed since its last export.
 */
export function VaultExport() {
  const styles = useTableStyles();
  const { db, host, now } = useServices();
  const [state, setState] = useState<{ exists: boolean; backedUp: boolean }>();
  const [shown, setShown] = useState<string>();
  const [said, setSaid] = useState<string>();
  useEffect(() => {
    let live = true;
    void vaultState(db).then((s) => live && setState(s));
    return () => {
      live = false;
    };
  }, [db, said]);
  const exportIt = async () => {
    const json = await exportSealedVault(db);
    if (!json) return;
    await db.transaction("rw", db.audit, async () => {
      await db.audit.add({
        at: now(),
        action: "autopay.vault-exported",
        subject: "autopay vault",
        detail: `Sealed vault exported as ${FILE}`,
      });
    });
    if (host && !host.canDownload) {
      // Office for Mac's webview does not download blobs (office-js #2700): the clipboard and a box to copy from.
      setShown(json);
      const copied = await navigator.clipboard?.writeText(json).then(
        () => true,
        () => false,
      );
      setSaid(
        copied
          ? `Copied the sealed vault to the clipboard: paste it into a text file named ${FILE}.`
          : `Copy the sealed vault below into a text file named ${FILE}.`,
      );
      return;
    }
    const url = URL.createObjectURL(new Blob([json], { type: "application/json" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = FILE;
    link.click();
    URL.revokeObjectURL(url);
    setSaid(`Downloaded ${FILE}.`);
  };
  return (
    <section className={styles.section} aria-labelledby="vault-heading">
      <Subtitle2 as="h2" id="vault-heading">
        Autopay vault
      </Subtitle2>
      <Caption1>
        Customers' bank details for autopay are kept only in the vault, sealed with the billing supervisor's passphrase. It lives in this
        computer's browser storage (IndexedDB), which clearing Office's cache wipes: export it after each enrolment and keep the file where
        the city keeps its other secrets. The file is ciphertext; `ubill autopay` reads it with the passphrase.
      </Caption1>
      {state && !state.exists && <Caption1>No autopay vault on this computer yet: enrolling an account in autopay starts one.</Caption1>}
      {state?.exists && !state.backedUp && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>The vault has changed since it was last exported: export it now.</MessageBarBody>
        </MessageBar>
      )}
      <Button style={{ alignSelf: "flex-start" }} disabled={!state?.exists} onClick={() => void exportIt()}>
        Export autopay vault
      </Button>
      {said && <Caption1 role="status">{said}</Caption1>}
      {shown !== undefined && <Textarea readOnly value={shown} aria-label="The sealed autopay vault" resize="vertical" />}
    </section>
  );
}

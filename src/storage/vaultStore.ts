import { BankDetails, openVault, sealVault, SealedVault } from "./autopayVault";
import type { UbDatabase } from "./db";

/** The settings key the sealed autopay vault is kept under (ADR 0010): ciphertext only. */
export const VAULT_KEY = "autopayVault";
/** The IV of the vault as last exported: the vault is backed up while it matches the vault's (a fresh IV each seal). */
export const VAULT_EXPORTED_KEY = "autopayVaultExported";

/** The sealed vault on this computer, if any. */
export async function loadSealedVault(db: UbDatabase): Promise<SealedVault | undefined> {
  const stored = (await db.settings.get(VAULT_KEY))?.value as SealedVault | undefined;
  return stored?.format === "ub-autopay-vault-1" ? stored : undefined;
}

/** Whether the vault is on this computer, and whether its latest seal was exported since. */
export async function vaultState(db: UbDatabase): Promise<{ exists: boolean; backedUp: boolean }> {
  const sealed = await loadSealedVault(db);
  const exported = (await db.settings.get(VAULT_EXPORTED_KEY))?.value;
  return { exists: sealed !== undefined, backedUp: sealed !== undefined && exported === sealed.cipher.iv };
}

/** The sealed vault as the file the backup and `ubill autopay` read; records that this seal was exported. */
export async function exportSealedVault(db: UbDatabase): Promise<string | undefined> {
  const sealed = await loadSealedVault(db);
  if (!sealed) return undefined;
  await db.settings.put({ key: VAULT_EXPORTED_KEY, value: sealed.cipher.iv });
  return JSON.stringify(sealed, null, 2) + "\n";
}

/** The vault could not be opened or sealed (a wrong passphrase, no Web Crypto): nothing was kept or dropped. */
export class VaultRefused extends Error {}

/** Opens the stored vault with the passphrase (an empty one when there is none yet), or throws the one-line reason. */
async function entriesOf(db: UbDatabase, passphrase: string): Promise<Map<string, BankDetails>> {
  const sealed = await loadSealedVault(db);
  if (!sealed) return new Map();
  const opened = await openVault(sealed, passphrase);
  if (!opened.ok) throw new VaultRefused(opened.message);
  return opened.entries;
}

/**
 * The vault as the autopay tasks use it, with the supervisor's passphrase: `keep` opens the vault
 * (or starts one, sealed under this passphrase), adds or replaces the account's details, seals it
 * again and stores the ciphertext; `drop` takes an account's details out. The passphrase and the
 * opened details live only for the call.
 */
export function vaultKeeper(
  db: UbDatabase,
  passphrase: string,
  iterations?: number,
): { keep(details: BankDetails): Promise<void>; drop(account: string): Promise<void> } {
  const save = async (entries: Map<string, BankDetails>) => {
    const sealed = await sealVault([...entries.values()], passphrase, iterations);
    await db.settings.put({ key: VAULT_KEY, value: sealed });
  };
  // Any failure is the vault's refusal, in one line: the account tasks call the vault before they write.
  const refused = (error: unknown) =>
    error instanceof VaultRefused ? error : new VaultRefused(`the autopay vault: ${(error as Error).message}`);
  return {
    async keep(details) {
      try {
        const entries = await entriesOf(db, passphrase);
        entries.set(details.account, details);
        await save(entries);
      } catch (error) {
        throw refused(error);
      }
    },
    async drop(account) {
      try {
        const entries = await entriesOf(db, passphrase);
        if (entries.delete(account)) await save(entries);
      } catch (error) {
        throw refused(error);
      }
    },
  };
}

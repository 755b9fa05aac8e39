import { maskedAccount, routingProblem } from "../engine";

/** One customer's bank details for autopay: kept only inside the sealed vault (ADR 0010). */
export interface BankDetails {
  readonly account: string;
  readonly routing: string;
  readonly bankAccount: string;
  readonly accountType: "checking" | "savings";
  /** When the customer enrolled; a prenote goes before the first live draft. */
  readonly enrolled: string;
  readonly prenoteSent?: string;
}

/** The vault as stored and exported: ciphertext and what is needed to open it with the passphrase, nothing else. */
export interface SealedVault {
  readonly format: "ub-autopay-vault-1";
  readonly kdf: { readonly name: "PBKDF2"; readonly hash: "SHA-256"; readonly iterations: number; readonly salt: string };
  readonly cipher: { readonly name: "AES-GCM"; readonly iv: string };
  readonly data: string;
}

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
export const VAULT_ITERATIONS = 600_000;
const MIN_PASSPHRASE = 12;

/** Base64 with btoa/atob, which the pane's browser and Node both have (no Buffer in the pane's bundle). */
function b64(bytes: Uint8Array): string {
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}
/** Bytes over their own ArrayBuffer, as Web Crypto's BufferSource wants them. */
function own(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(new ArrayBuffer(bytes.length));
  out.set(bytes);
  return out;
}
const unb64 = (text: string) => own(Uint8Array.from(atob(text), (c) => c.charCodeAt(0)));

function subtle(): SubtleCrypto {
  const c = globalThis.crypto;
  if (!c?.subtle) throw new Error("this browser or Node has no Web Crypto: the autopay vault cannot be opened here");
  return c.subtle;
}

async function keyFrom(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const material = await subtle().importKey("raw", new TextEncoder().encode(passphrase), "PBKDF2", false, ["deriveKey"]);
  return subtle().deriveKey({ name: "PBKDF2", hash: "SHA-256", salt, iterations }, material, { name: "AES-GCM", length: 256 }, false, [
    "encrypt",
    "decrypt",
  ]);
}

/** Why bank details cannot be kept, or undefined: a routing number that fails its check digit, an account number that is not 4-17 digits. */
export function bankDetailsProblem(d: Pick<BankDetails, "routing" | "bankAccount">): string | undefined {
  const routing = routingProblem(d.routing);
  if (routing) return routing;
  if (!/^\d{4,17}$/.test(d.bankAccount.replace(/[\s-]/g, "")))
    return `a bank account number is 4 to 17 digits; got ${maskedAccount(d.bankAccount)}`;
  return undefined;
}

/**
 * Seals the vault: the details as JSON, encrypted with AES-256-GCM under a key derived from the
 * passphrase (PBKDF2-SHA-256, a fresh random salt and IV each time). The passphrase is not kept.
 */
export async function sealVault(entries: readonly BankDetails[], passphrase: string, iterations = VAULT_ITERATIONS): Promise<SealedVault> {
  if (passphrase.length < MIN_PASSPHRASE) throw new Error(`the vault passphrase must be at least ${MIN_PASSPHRASE} characters`);
  for (const e of entries) {
    const problem = bankDetailsProblem(e);
    if (problem) throw new Error(`account ${e.account}: ${problem}`);
  }
  const salt = globalThis.crypto.getRandomValues(own(new Uint8Array(16)));
  const iv = globalThis.crypto.getRandomValues(own(new Uint8Array(12)));
  const key = await keyFrom(passphrase, salt, iterations);
  const plain = new TextEncoder().encode(JSON.stringify(entries));
  const data = new Uint8Array(await subtle().encrypt({ name: "AES-GCM", iv }, key, plain));
  return {
    format: "ub-autopay-vault-1",
    kdf: { name: "PBKDF2", hash: "SHA-256", iterations, salt: b64(salt) },
    cipher: { name: "AES-GCM", iv: b64(iv) },
    data: b64(data),
  };
}

/** Opens the vault with its passphrase; a wrong passphrase or a changed file is one line, never the details. */
export async function openVault(
  sealed: SealedVault,
  passphrase: string,
): Promise<{ ok: true; entries: Map<string, BankDetails> } | { ok: false; message: string }> {
  if (sealed?.format !== "ub-autopay-vault-1")
    return { ok: false, message: "this is not an autopay vault file (format ub-autopay-vault-1)" };
  try {
    const key = await keyFrom(passphrase, unb64(sealed.kdf.salt), sealed.kdf.iterations);
    const plain = await subtle().decrypt({ name: "AES-GCM", iv: unb64(sealed.cipher.iv) }, key, unb64(sealed.data));
    const list = JSON.parse(new TextDecoder().decode(plain)) as BankDetails[];
    return { ok: true, entries: new Map(list.map((e) => [e.account, e])) };
  } catch {
    return { ok: false, message: "the vault does not open: the passphrase is wrong, or the file was changed" };
  }
}

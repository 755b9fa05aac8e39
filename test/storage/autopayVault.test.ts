import { bankDetailsProblem, openVault, sealVault } from "../../src/storage/autopayVault";
import type { BankDetails } from "../../src/storage/autopayVault";

const entries: BankDetails[] = [
  {
    account: "100104",
    routing: "091000019",
    bankAccount: "000123456789",
    accountType: "checking",
    enrolled: "2026-03-01",
    prenoteSent: "2026-03-20",
  },
  { account: "100120", routing: "071000013", bankAccount: "5551234", accountType: "savings", enrolled: "2026-10-28" },
];
// Fewer PBKDF2 rounds keep the test quick; the product uses VAULT_ITERATIONS.
const ROUNDS = 1_000;

describe("the autopay vault", () => {
  it("seals bank details so the sealed form holds no account number, and opens with the passphrase", async () => {
    const sealed = await sealVault(entries, "correct horse battery staple", ROUNDS);
    const text = JSON.stringify(sealed);
    for (const e of entries) {
      expect(text).not.toContain(e.bankAccount);
      expect(text).not.toContain(e.routing);
    }
    const opened = await openVault(sealed, "correct horse battery staple");
    expect(opened.ok && opened.entries.get("100104")?.bankAccount).toBe("000123456789");
  });

  it("refuses a wrong passphrase and a changed file in one line, and a fresh salt makes each seal different", async () => {
    const sealed = await sealVault(entries, "correct horse battery staple", ROUNDS);
    expect(await openVault(sealed, "wrong horse battery staple")).toEqual({
      ok: false,
      message: "the vault does not open: the passphrase is wrong, or the file was changed",
    });
    const flipped = {
      ...sealed,
      data: Buffer.from(Buffer.from(sealed.data, "base64").map((b, i) => (i === 3 ? b ^ 1 : b))).toString("base64"),
    };
    expect((await openVault(flipped, "correct horse battery staple")).ok).toBe(false);
    expect((await sealVault(entries, "correct horse battery staple", ROUNDS)).data).not.toBe(sealed.data);
  });

  it("keeps nothing it could not send: a routing number failing its check digit, a short passphrase", async () => {
    expect(bankDetailsProblem({ routing: "091000018", bankAccount: "123456" })).toContain("fails its check digit");
    expect(bankDetailsProblem({ routing: "091000019", bankAccount: "12" })).toBe("a bank account number is 4 to 17 digits; got ****");
    await expect(sealVault(entries, "short", ROUNDS)).rejects.toThrow("at least 12 characters");
  });
});

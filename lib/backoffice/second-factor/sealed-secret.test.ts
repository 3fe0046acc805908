// Stored TOTP secrets: sealed so that the database alone gives nothing away, and bound to their user.
import { describe, expect, it } from "vitest";
import { openSecret, SealedSecretError, sealSecret } from "./sealed-secret";
import { secondFactorKeys } from "./second-factor-keys";

const keys = secondFactorKeys("a-test-secret-of-at-least-32-characters!");
const otherKeys = secondFactorKeys("another-secret-of-at-least-32-characters");
const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

describe("sealed TOTP secrets", () => {
  it("opens with the same key for the same user, and never shows the secret", () => {
    const sealed = sealSecret(secret, keys.seal, "user-1");
    expect(sealed).toMatch(/^v1\.[\w-]{16}\.[\w-]+\.[\w-]{22}$/);
    expect(sealed).not.toContain(secret);
    expect(sealed.toLowerCase()).not.toContain(secret.toLowerCase());
    expect(openSecret(sealed, keys.seal, "user-1")).toBe(secret);
    // A fresh IV each time: the same secret never looks the same twice.
    expect(sealSecret(secret, keys.seal, "user-1")).not.toBe(sealed);
  });

  it("does not open under another NEXTAUTH_SECRET, for another user, or altered", () => {
    const sealed = sealSecret(secret, keys.seal, "user-1");
    expect(() => openSecret(sealed, otherKeys.seal, "user-1")).toThrow(SealedSecretError);
    expect(() => openSecret(sealed, keys.seal, "user-2")).toThrow(SealedSecretError);
    const [version, iv, body, tag] = sealed.split(".");
    const flipped = Buffer.from(body!, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    expect(() => openSecret([version, iv, flipped.toString("base64url"), tag].join("."), keys.seal, "user-1")).toThrow(
      SealedSecretError,
    );
    for (const damaged of ["", "v1", `v2.${iv}.${body}.${tag}`, `${sealed}.x`, `v1.${iv}.${body}.`]) {
      expect(() => openSecret(damaged, keys.seal, "user-1")).toThrow(SealedSecretError);
    }
  });

  it("derives a key of its own for each purpose, the same for the same secret", () => {
    const again = secondFactorKeys("a-test-secret-of-at-least-32-characters!");
    expect(again.seal.equals(keys.seal)).toBe(true);
    expect(keys.seal.length).toBe(32);
    const all = [keys.seal, keys.recoveryCodes, keys.demoSecrets, otherKeys.seal].map((k) => k.toString("hex"));
    expect(new Set(all).size).toBe(4);
  });
});

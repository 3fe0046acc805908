// The otplib boundary against RFC 6238's own test values, and the window and replay rules built on it.
import { describe, expect, it } from "vitest";
import { matchTotp, newTotpSecret, totpCode, totpSecretOf, totpStep, totpUri } from "./totp";

// RFC 6238 Appendix B: the SHA-1 seed "12345678901234567890"; its 8-digit codes end in these 6 digits.
const rfcSecret = totpSecretOf(new TextEncoder().encode("12345678901234567890"));
const at = (unixSeconds: number) => new Date(unixSeconds * 1000);

describe("TOTP (RFC 6238)", () => {
  it("gives RFC 6238's test values", async () => {
    expect(rfcSecret).toBe("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    expect(await totpCode(rfcSecret, at(59))).toBe("287082");
    expect(await totpCode(rfcSecret, at(1111111109))).toBe("081804");
    expect(await totpCode(rfcSecret, at(1234567890))).toBe("005924");
    expect(await totpCode(rfcSecret, at(2000000000))).toBe("279037");
  });

  it("accepts the codes of the current step and one either side, and says which step", async () => {
    const now = at(1_800_000_015);
    const step = totpStep(now);
    expect(step).toBe(60_000_000);
    for (const offset of [-1, 0, 1]) {
      const code = await totpCode(rfcSecret, at(1_800_000_015 + offset * 30));
      expect(await matchTotp(rfcSecret, code, now)).toBe(step + offset);
    }
    for (const offset of [-2, 2]) {
      const code = await totpCode(rfcSecret, at(1_800_000_015 + offset * 30));
      expect(await matchTotp(rfcSecret, code, now)).toBeNull();
    }
  });

  it("with a last accepted step, accepts only later steps (never past the window)", async () => {
    const now = at(1_800_000_015);
    const step = totpStep(now);
    const current = await totpCode(rfcSecret, now);
    const next = await totpCode(rfcSecret, at(1_800_000_045));
    expect(await matchTotp(rfcSecret, current, now, step - 1)).toBe(step);
    expect(await matchTotp(rfcSecret, current, now, step)).toBeNull();
    expect(await matchTotp(rfcSecret, next, now, step)).toBe(step + 1);
    expect(await matchTotp(rfcSecret, next, now, step + 1)).toBeNull();
    // A last step beyond the window (a clock set back) refuses everything instead of throwing.
    expect(await matchTotp(rfcSecret, next, now, step + 5)).toBeNull();
  });

  it("refuses anything but six digits without asking the library", async () => {
    const now = at(59);
    for (const code of ["28708", "2870820", "28708a", "", "94287082"]) {
      expect(await matchTotp(rfcSecret, code, now)).toBeNull();
    }
  });

  it("draws 160-bit secrets and writes the otpauth URI authenticator apps read", () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
    const uri = new URL(totpUri(secret, "Datenschutz-Portal", "dpo@demo.example"));
    expect(`${uri.protocol}//${uri.host}`).toBe("otpauth://totp");
    expect(decodeURIComponent(uri.pathname)).toBe("/Datenschutz-Portal:dpo@demo.example");
    expect(uri.searchParams.get("secret")).toBe(secret);
    expect(uri.searchParams.get("issuer")).toBe("Datenschutz-Portal");
  });
});

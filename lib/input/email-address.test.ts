// The canonical e-mail form and the limit key: one address for every spelling of a mailbox, refusals
// that say why, a fixpoint for every canonical address, and no throw for any text at all.
import fc from "fast-check";
import { toASCII } from "tr46";
import { describe, expect, it } from "vitest";
import { anyText } from "../../scripts/test/arbitrary-text";
import { canonicalEmail, CANONICAL_EMAIL, emailLimitKey } from "./email-address";

const address = (value: string) => {
  const result = canonicalEmail(value);
  return result.ok ? result.address : result.error;
};

/** Full-width forms of ASCII letters, digits and the dot, as East Asian input methods type them. */
const fullWidth = (value: string) =>
  value.replace(/[a-z0-9.]/gi, (c) => (c === "." ? "\uff0e" : String.fromCodePoint(c.codePointAt(0)! + 0xfee0)));

describe("canonicalEmail", () => {
  it("gives an internationalised domain and its punycode spelling one form", () => {
    // The real punycode of müller-beispiel.de (xn--mller-beispiel-zob.de is ômller-beispiel.de, another domain).
    expect(toASCII("müller-beispiel.de")).toBe("xn--mller-beispiel-gsb.de");
    for (const spelling of [
      "joerg@müller-beispiel.de",
      " Joerg@Müller-Beispiel.DE ",
      "joerg@xn--mller-beispiel-gsb.de",
      "JOERG@XN--MLLER-BEISPIEL-GSB.DE",
      "joerg@mu\u0308ller-beispiel.de",
      `joerg@${fullWidth("müller-beispiel.de")}`,
    ]) {
      expect(address(spelling), spelling).toBe("joerg@xn--mller-beispiel-gsb.de");
    }
    expect(address("joerg@xn--mller-beispiel-zob.de")).toBe("joerg@xn--mller-beispiel-zob.de");
  });

  it("maps full-width domains, keeps ß (non-transitional), and allows punycode top-level domains", () => {
    expect(address("lea.fischer@ｄｅｍｏ．ｅｘａｍｐｌｅ")).toBe("lea.fischer@demo.example");
    expect(address("kurt@straße.de")).toBe("kurt@xn--strae-oqa.de");
    expect(address("ivan@пример.рф")).toBe("ivan@xn--e1afmkfd.xn--p1ai");
    expect(address("Anna.Schmidt+Portal@Example.ORG")).toBe("anna.schmidt+portal@example.org");
  });

  it.each([
    ["lea.fischer@demo.example,1", "invalid_email"],
    ["lea.fischer@demo.example,2", "invalid_email"],
    ["anna", "invalid_email"],
    ["anna@", "invalid_email"],
    ["@demo.example", "invalid_email"],
    ["a b@demo.example", "invalid_email"],
    ["anna@demo", "invalid_email"],
    ["anna@demo.example.", "invalid_email"],
    ["anna@-demo.example", "invalid_email"],
    ["anna@[192.0.2.1]", "invalid_email"],
    ['"anna"@demo.example', "invalid_email"],
    ["anna..schmidt@demo.example", "invalid_email"],
    [`${"a".repeat(65)}@demo.example`, "invalid_email"],
    [`a@${Array.from("bcdef", (c) => c.repeat(60)).join(".")}.de`, "invalid_email"],
    ["jörg@müller-beispiel.de", "email_not_ascii"],
    ["ｌｅａ@demo.example", "email_not_ascii"],
    ["anna\u200b@demo.example", "invisible_character"],
    ["anna@demo.example\u0000", "control_character"],
  ])("refuses %j (%s)", (value, code) => {
    expect(canonicalEmail(value)).toMatchObject({ ok: false, error: { code } });
  });

  /** A mailbox, and spellings of it that must all have its canonical form. */
  const mailbox = fc.record({
    local: fc
      .array(fc.stringMatching(/^[a-z0-9_+-]{1,8}$/), { minLength: 1, maxLength: 3 })
      .map((parts) => parts.join(".")),
    labels: fc.array(fc.constantFrom("müller", "straße", "bücher", "café", "пример", "例え", "demo", "x-1", "ärzte"), {
      minLength: 1,
      maxLength: 3,
    }),
    tld: fc.constantFrom("de", "org", "рф", "example"),
  });

  it("is a fixpoint on canonical addresses, and every spelling of a mailbox has one canonical form", () => {
    fc.assert(
      fc.property(mailbox, fc.boolean(), fc.boolean(), ({ local, labels, tld }, upper, wide) => {
        const domain = [...labels, tld].join(".");
        const canonical = canonicalEmail(`${local}@${domain}`);
        if (!canonical.ok) throw new Error(`${local}@${domain}: ${canonical.error.code}`);
        expect(canonical.address).toMatch(CANONICAL_EMAIL);
        expect(canonicalEmail(canonical.address)).toEqual(canonical);
        // Upper case as a person might type it (not ß → SS: that is another domain, strasse.de).
        const up = (part: string) => (upper ? part.replace(/[^ß]/gu, (c) => c.toUpperCase()) : part);
        let spelling = `${up(local)}@${up(domain)}`;
        if (wide) spelling = `${spelling.split("@")[0]}@${fullWidth(spelling.split("@")[1]!)}`;
        expect(canonicalEmail(` ${spelling.normalize("NFD")} `)).toEqual(canonical);
        expect(emailLimitKey(spelling)).toBe(emailLimitKey(canonical.address));
      }),
      { numRuns: 1000 },
    );
  });

  it("never throws on any text; what it accepts is canonical, ASCII and lower-case", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          anyText,
          fc.emailAddress(),
          anyText.map((t) => `${t}@demo.example`),
        ),
        (value) => {
          const result = canonicalEmail(value);
          if (!result.ok) return;
          expect(result.address).toMatch(CANONICAL_EMAIL);
          expect(result.address.length).toBeLessThanOrEqual(254);
          expect(canonicalEmail(result.address)).toEqual(result);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe("emailLimitKey", () => {
  it("drops a +tag and counts every spelling of one mailbox as one", () => {
    const key = emailLimitKey("victim@example.org");
    for (const spelling of ["victim+0@example.org", "Victim+1@EXAMPLE.org", "victim+a+b@ｅｘａｍｐｌｅ.org"]) {
      expect(emailLimitKey(spelling), spelling).toBe(key);
    }
    expect(emailLimitKey("+tag@example.org")).toBe("+tag@example.org");
    expect(emailLimitKey("joerg+x@müller-beispiel.de")).toBe(emailLimitKey("joerg@xn--mller-beispiel-gsb.de"));
  });

  it("counts text that is no address as itself, and never throws", () => {
    expect(emailLimitKey(" Not An Address ")).toBe("not an address");
    fc.assert(fc.property(anyText, (value) => void emailLimitKey(value)));
  });
});

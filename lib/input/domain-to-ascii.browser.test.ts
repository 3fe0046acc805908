import { toASCII as tr46 } from "tr46";
import { describe, expect, it } from "vitest";
import { toASCII as browser } from "./domain-to-ascii.browser";
import { canonicalEmail, canonicalEmailWith, UTS46_OPTIONS } from "./email-address";

// Domains as people type them, and the ways lib/input/email-address.test.ts tries to break them.
const domains = [
  "example.org",
  "EXAMPLE.ORG",
  "müller-beispiel.de",
  "Müller-Beispiel.de",
  "xn--mller-beispiel-gsb.de",
  "xn--mller-beispiel-zob.de",
  "ｍüｌｌｅｒ-beispiel.de",
  "straße.de",
  "пример.рф",
  "例え.テスト",
  "sub.domain.example.co.uk",
  "a-b.example",
  "-start.example",
  "end-.example",
  "under_score.example",
  "double..dot.example",
  ".leading.example",
  "trailing.example.",
  "space here.example",
  "slash/example.org",
  "back\\slash.example.org",
  "at@example.org",
  "colon:80.example",
  "percent%41.example",
  "[::1]",
  "127.0.0.1",
  "example.123",
  `${"a".repeat(64)}.example`,
  `${"a".repeat(63)}.example`,
  `${"abcdefghi.".repeat(26)}example`,
  "ex\u200dample.org",
  "\u05d0\u05d1.example",
  "a\u05d0.example",
  "xn--.example",
  "xn--zz.example",
  "exa\u00admple.org",
  "",
];

describe("the browser's domain conversion (no tr46 in the bundle)", () => {
  it("gives tr46's ASCII form wherever tr46 gives a valid address", () => {
    for (const domain of domains) {
      const server = canonicalEmail(`anna@${domain}`);
      const client = canonicalEmailWith(browser)(`anna@${domain}`);
      // The browser never refuses what the server accepts, and accepts it as the same address.
      if (server.ok) expect(client, domain).toEqual(server);
    }
  });

  it("refuses, like tr46, the domains that are no host names", () => {
    for (const domain of ["space here.example", "slash/example.org", "at@example.org", "colon:80.example", ""])
      expect(browser(domain), domain).toBeNull();
    expect(tr46("under_score.example", UTS46_OPTIONS)).toBeNull();
    expect(canonicalEmailWith(browser)("anna@under_score.example").ok).toBe(false);
  });

  it("agrees with the server on every tried domain but where the server alone is stricter", () => {
    const disagreements = domains.filter(
      (d) => canonicalEmail(`anna@${d}`).ok !== canonicalEmailWith(browser)(`anna@${d}`).ok,
    );
    // Each one is the browser letting through what the server then refuses (never the other way).
    for (const d of disagreements) expect(canonicalEmail(`anna@${d}`).ok, d).toBe(false);
    expect(disagreements.length).toBeLessThanOrEqual(2);
  });
});

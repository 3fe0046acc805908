// A connector's settings per kind and its register entries, as the DPO's form and the runner check them. Pure.
import { describe, expect, it } from "vitest";
import { parseConnectorConfig, parseRegisterEntries } from "./config";

const certificate = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----";

describe("connector settings", () => {
  it("a processor needs https (http only on this machine), a domain and a certificate; the timeout defaults", () => {
    const ok = parseConnectorConfig("opencompliance", {
      baseUrl: "http://127.0.0.1:4790",
      domain: "Analytics.Demo.Example",
      certificatePem: certificate,
    });
    expect(ok).toEqual({
      ok: true,
      value: {
        kind: "opencompliance",
        config: {
          baseUrl: "http://127.0.0.1:4790",
          domain: "analytics.demo.example",
          certificatePem: certificate,
          timeoutMs: 10_000,
        },
      },
    });
    const plain = parseConnectorConfig("opencompliance", {
      baseUrl: "http://processor.example",
      domain: "processor.example",
      certificatePem: certificate,
    });
    expect(plain).toEqual({ ok: false, issues: ["baseUrl: https_required"] });
    expect(
      parseConnectorConfig("opencompliance", { baseUrl: "https://p.example", domain: "p", certificatePem: "x" }),
    ).toEqual({
      ok: false,
      issues: ["domain: invalid_domain", "certificatePem: invalid_certificate"],
    });
  });

  it("a manual system needs instructions in both languages; the demo platform takes no settings", () => {
    expect(parseConnectorConfig("manual", { instructions: { de: "Löschen", en: "" } })).toEqual({
      ok: false,
      issues: ["instructions.en: required"],
    });
    expect(parseConnectorConfig("demo_platform", {}).ok).toBe(true);
    expect(parseConnectorConfig("demo_platform", { baseUrl: "https://x.example" }).ok).toBe(false);
  });

  it("register entries must be known ids of content/register.ts, at least one, each once", () => {
    expect(parseRegisterEntries(["registration", "app-use", "registration"])).toEqual({
      ok: true,
      value: ["registration", "app-use"],
    });
    expect(parseRegisterEntries([])).toEqual({ ok: false, issues: ["value: tick_at_least_one"] });
    expect(parseRegisterEntries(["registration", "made-up"])).toEqual({
      ok: false,
      issues: ["value: unknown_register_entry"],
    });
  });
});

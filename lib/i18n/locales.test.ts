import { describe, expect, it } from "vitest";
import { allMessages } from "./all-messages";
import { negotiateLocale, switchLocalePath } from "./locales";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("languages", () => {
  it("German and English have exactly the same message keys, none empty (back-office areas included)", () => {
    const { de, en } = allMessages;
    expect(keys(en).sort()).toEqual(keys(de).sort());
    for (const messages of [de, en]) {
      for (const key of keys(messages)) {
        const text = key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], messages);
        expect(typeof text === "string" && text.trim().length > 0, key).toBe(true);
      }
    }
  });

  it.each([
    ["en-US,en;q=0.9", "en"],
    ["de-DE,de;q=0.9,en;q=0.8", "de"],
    ["fr-FR,fr;q=0.9,en;q=0.5", "en"],
    ["fr-FR", "de"],
    ["", "de"],
    [null, "de"],
    ["*;q=0.1,💥", "de"],
  ])("Accept-Language %s gives %s", (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });

  it("switches the locale segment and keeps the rest of the path", () => {
    expect(switchLocalePath("/de/privacy", "en")).toBe("/en/privacy");
    expect(switchLocalePath("/en", "de")).toBe("/de");
    expect(switchLocalePath("/", "en")).toBe("/en");
    expect(switchLocalePath("/requests/new", "en")).toBe("/en/requests/new");
  });
});

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_NAMESPACES, clientMessages } from "./client-messages";
import en from "./messages/en.json";

const root = path.resolve(import.meta.dirname, "../..");

function clientFiles(dir: string, found: string[] = []): string[] {
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) clientFiles(file, found);
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts")) found.push(file);
  }
  return found;
}

describe("client messages", () => {
  it("name every namespace a client component translates with", () => {
    // Client components and the hooks they use (a hook file has no "use client" of its own).
    const files = [...clientFiles("components"), ...clientFiles("app")].filter((file) => {
      const text = fs.readFileSync(path.join(root, file), "utf8");
      return /from "next-intl"/.test(text) && /useTranslations\(/.test(text);
    });
    expect(files.length).toBeGreaterThan(5);
    const used = new Set<string>();
    for (const file of files) {
      const text = fs.readFileSync(path.join(root, file), "utf8");
      for (const match of text.matchAll(/useTranslations\(\s*["'`]([a-zA-Z]+)/g)) used.add(match[1]!);
      // Unscoped: the keys it reads name their namespace ("layout.x", `languages.${l}`).
      if (/useTranslations\(\s*\)/.test(text))
        for (const match of text.matchAll(/\bt\(\s*["'`]([a-zA-Z]+)\./g)) used.add(match[1]!);
      // A namespace passed in as a parameter is typed as a union of names.
      for (const match of text.matchAll(/namespace:\s*((?:"[a-zA-Z]+"\s*\|?\s*)+)/g))
        for (const name of match[1]!.matchAll(/"([a-zA-Z]+)"/g)) used.add(name[1]!);
    }
    expect([...used].sort()).toEqual([...CLIENT_NAMESPACES].sort());
  });

  it("keeps only those namespaces", () => {
    const picked = clientMessages(en);
    expect(Object.keys(picked).sort()).toEqual([...CLIENT_NAMESPACES].sort());
    expect(picked.requests).toEqual(en.requests);
  });
});

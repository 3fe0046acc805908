// Asking for a magic link on real SQLite and PostgreSQL: a known address gets a token (stored
// hashed) and a mail in the outbox in its page's language; an unknown one gets nothing at all.
import { createRequire } from "node:module";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { testRequestSettings } from "../../scripts/test/request-settings";
import { createDb, type Db } from "../db/client";
import { callbackPathOf, hashLinkToken, sendSignInLink, signInLanguage, type SignInLinkSettings } from "./sign-in-link";

const clients: Db[] = [];
afterAll(async () => {
  await Promise.all(clients.map((client) => client.$disconnect()));
});

const settings: SignInLinkSettings = {
  publicUrl: "http://localhost:3000",
  secret: "a-test-secret-that-is-long-enough-0123456789",
  maxAgeHours: 24,
  timeZone: "Europe/Berlin",
  mail: testRequestSettings.mail,
};

describe("hashLinkToken", () => {
  it("is next-auth's own hash, which its email callback looks the link up by", () => {
    // Not exported by next-auth, so loaded by path: an upgrade that changes the hash fails here, not in production.
    const require = createRequire(import.meta.url);
    const { hashToken } = require(path.resolve("node_modules/next-auth/core/lib/utils.js")) as {
      hashToken: (token: string, options: { provider: object; secret: string }) => string;
    };
    expect(hashLinkToken("abc123", settings.secret)).toBe(
      hashToken("abc123", { provider: {}, secret: settings.secret }),
    );
  });
});

describe("signInLanguage", () => {
  it("follows the landing page's locale, German otherwise", () => {
    expect(signInLanguage("/en/my/requests", settings.publicUrl)).toBe("en");
    expect(signInLanguage("http://localhost:3000/en", settings.publicUrl)).toBe("en");
    expect(signInLanguage("/de/my/requests", settings.publicUrl)).toBe("de");
    expect(signInLanguage("/english", settings.publicUrl)).toBe("de");
    expect(signInLanguage(null, settings.publicUrl)).toBe("de");
  });
});

describe.each(inject("testDatabases"))("sendSignInLink on $flavor", ({ url, flavor }) => {
  const database = createDb(url);
  clients.push(database);
  const unique = () => `${flavor}-${Date.now()}-${Math.random().toString(36).slice(2)}`;

  it("queues a link for an address with an account, keeping only the token's hash", async () => {
    const email = `known-${unique()}@demo.example`;
    await database.user.create({ data: { email } });
    const now = new Date();
    expect(
      await sendSignInLink(database, { email: email.toUpperCase(), callbackUrl: "/en/my/requests" }, settings, now),
    ).toBe("sent");

    const mail = await database.outboundMail.findFirstOrThrow({ where: { toAddress: email } });
    expect(mail).toMatchObject({ template: "sign_in_link", language: "en", status: "pending" });
    const variables = mail.variables as { url: string; expires: string; validHours: number };
    const link = new URL(variables.url);
    // A page of ours that asks for a click, never next-auth's callback (which a GET would spend).
    expect(link.origin + link.pathname).toBe("http://localhost:3000/en/sign-in/link");
    expect([...link.searchParams.keys()].sort()).toEqual(["callbackUrl", "token"]);
    expect(link.searchParams.get("callbackUrl")).toBe("/en/my/requests");
    expect(new Date(variables.expires).getTime()).toBe(now.getTime() + 24 * 60 * 60 * 1000);

    const token = link.searchParams.get("token")!;
    const stored = await database.verificationToken.findMany({ where: { identifier: email } });
    expect(stored.map((t) => t.token)).toEqual([hashLinkToken(token, settings.secret)]);
    expect(stored[0]!.token).not.toContain(token);
    // The mail knows its link, so that it is erased with it.
    expect(mail).toMatchObject({ linkTokenHash: stored[0]!.token, linkExpiresAt: stored[0]!.expires });
  });

  it("queues a link for the subject of a request, who has no account", async () => {
    const email = `subject-${unique()}@demo.example`;
    await database.request.create({
      data: {
        reference: `DSR-T-${unique()}`,
        type: "access",
        details: {},
        subjectEmail: email,
        language: "de",
        status: "received",
        submittedAt: new Date(),
        statementVersion: "1",
      },
    });
    expect(await sendSignInLink(database, { email, callbackUrl: "/de/my/requests" }, settings)).toBe("sent");
    expect(await database.outboundMail.count({ where: { toAddress: email, language: "de" } })).toBe(1);
  });

  it("sends nothing to an address it does not know", async () => {
    const email = `stranger-${unique()}@demo.example`;
    expect(await sendSignInLink(database, { email, callbackUrl: "/de/my/requests" }, settings)).toBe("unknown_address");
    expect(await database.outboundMail.count({ where: { toAddress: email } })).toBe(0);
    expect(await database.verificationToken.count({ where: { identifier: email } })).toBe(0);
  });
});

describe("callbackPathOf", () => {
  it("keeps the path of a same-origin place, and sends anything else to the requests page", () => {
    expect(callbackPathOf("http://localhost:3000/en/my/requests?x=1", settings.publicUrl)).toBe("/en/my/requests?x=1");
    expect(callbackPathOf("/de/my/requests/DSR-2026-000001", settings.publicUrl)).toBe(
      "/de/my/requests/DSR-2026-000001",
    );
    for (const elsewhere of [
      "https://evil.example/de",
      "//evil.example/de",
      "http://[",
      "http://localhost:3000.evil.example/",
      null,
    ]) {
      expect(callbackPathOf(elsewhere, settings.publicUrl), String(elsewhere)).toBe("/de/my/requests");
    }
  });
});

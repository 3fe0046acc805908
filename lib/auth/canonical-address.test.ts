// One mailbox, one account, one limit, on real SQLite and PostgreSQL: joerg@müller-beispiel.de and
// joerg@xn--mller-beispiel-gsb.de sign in as the same user; the sign-in form and next-auth's own
// /api/auth/signin/email agree with the per-address limit, so neither ",1" suffixes, full-width
// domains nor +tags get links past it (issue 10, items 3 and 5).
import { createHash, randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import path from "node:path";
import type { AuthOptions } from "next-auth";
import EmailProvider from "next-auth/providers/email";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { privateDatabase } from "../../scripts/test/private-database";
import { testRequestSettings } from "../../scripts/test/request-settings";
import { createDb, type Db } from "../db/client";
import { consumeLimits, type RateLimitContext } from "../security/rate-limit";
import { normaliseEmail, prismaAdapter } from "./adapter";
import { inspectLink } from "./links/inspect-link";
import { DEFAULT_SESSION_POLICY } from "./sessions/session-policy";
import { signInFormSchema } from "./sign-in-form";
import { hashLinkToken, isKnownAddress, sendSignInLink, type SignInLinkSettings } from "./sign-in-link";

const secret = "a-test-secret-that-is-long-enough-0123456789";
const savedUrl = process.env.NEXTAUTH_URL;
process.env.NEXTAUTH_URL = "http://localhost:3000/api/auth";
afterAll(() => {
  process.env.NEXTAUTH_URL = savedUrl;
});

/** next-auth's request handler, which its route calls (not exported as a module, so loaded by path). */
const { AuthHandler } = createRequire(import.meta.url)(path.resolve("node_modules/next-auth/core/index.js")) as {
  AuthHandler: (params: { req: object; options: AuthOptions }) => Promise<{ redirect?: string }>;
};

const settings: SignInLinkSettings = {
  publicUrl: "http://localhost:3000",
  secret,
  maxAgeHours: 24,
  timeZone: "Europe/Berlin",
  mail: testRequestSettings.mail,
};

const CANONICAL = "joerg@xn--mller-beispiel-gsb.de";

describe.each(inject("testDatabases").map((d) => d.flavor))("one mailbox, one address on %s", (flavor) => {
  let db: Db;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await privateDatabase(flavor, "canonical");
    db = createDb(database.url);
    drop = database.drop;
  });
  afterAll(async () => {
    await db.$disconnect();
    await drop();
  });

  it("signs both spellings of an internationalised address in as one user", async () => {
    const user = await db.user.create({ data: { email: normaliseEmail("Joerg@Müller-Beispiel.de") } });
    expect(user.email).toBe(CANONICAL);
    const adapter = prismaAdapter(db, DEFAULT_SESSION_POLICY);
    for (const spelling of [
      "joerg@müller-beispiel.de",
      "JOERG@XN--MLLER-BEISPIEL-GSB.DE",
      "joerg@ｍüｌｌｅｒ-beispiel.de",
    ]) {
      expect((await adapter.getUserByEmail!(spelling))?.id, spelling).toBe(user.id);
      expect(await isKnownAddress(db, spelling)).toBe(true);
    }

    // The sign-in form's path: the form's schema, then sendSignInLink.
    const email = signInFormSchema.parse({ email: " Joerg@Müller-Beispiel.de " }).email;
    expect(await sendSignInLink(db, { email, callbackUrl: "/de/my/requests" }, settings)).toBe("sent");
    const mail = await db.outboundMail.findFirstOrThrow({ where: { template: "sign_in_link" } });
    expect(mail.toAddress).toBe(CANONICAL);
    const link = new URL((mail.variables as { url: string }).url);
    // The page behind the link finds the token for the canonical address.
    const raw = link.searchParams.get("token")!;
    expect(await inspectLink(db, raw, secret)).toMatchObject({ usable: true, email: CANONICAL });
    // next-auth's own lookup (by address and token) finds it by either spelling, once.
    const token = hashLinkToken(raw, secret);
    expect(await adapter.useVerificationToken!({ identifier: "joerg@müller-beispiel.de", token })).toMatchObject({
      identifier: CANONICAL,
    });
    expect(await adapter.useVerificationToken!({ identifier: CANONICAL, token })).toBeNull();
  });

  it("looks up nothing, and never fails, for text that is no address", async () => {
    const adapter = prismaAdapter(db, DEFAULT_SESSION_POLICY);
    for (const junk of ["", "anna", "anna@demo.example,1", "a\u0000@demo.example", "a@b\u0000.de"]) {
      expect(await adapter.getUserByEmail!(junk), junk).toBeNull();
      expect(await adapter.useVerificationToken!({ identifier: junk, token: "x" }), junk).toBeNull();
    }
  });

  it("counts every spelling against one per-address limit on the form and on next-auth's own start", async () => {
    await db.user.create({ data: { email: "lea.fischer@demo.example" } });
    const limits: RateLimitContext = {
      secret,
      windowSeconds: 3600,
      points: {
        submission_ip: 100,
        submission_email: 100,
        sign_in_ip: 100,
        sign_in_email: 3,
        message_user: 100,
        upload_user: 100,
        second_factor_user: 100,
      },
    };
    const mailsTo: string[] = [];
    const options: AuthOptions = {
      secret,
      // next-auth logs a refused address as SIGNIN_EMAIL_ERROR; the test checks the answer instead.
      logger: { error: () => {}, warn: () => {}, debug: () => {} },
      adapter: prismaAdapter(db, DEFAULT_SESSION_POLICY),
      providers: [
        // As lib/auth/auth-options.ts configures it.
        EmailProvider({
          normalizeIdentifier: normaliseEmail,
          sendVerificationRequest: async ({ identifier }) => void mailsTo.push(identifier),
        }),
      ],
    };
    /** A post to /api/auth/signin/email as app/api/auth/[...nextauth]/route.ts handles it: the limit on the raw field, then next-auth. */
    const nextAuthStart = async (raw: string): Promise<"limited" | "sent" | "refused"> => {
      const limited = await consumeLimits(db, [{ limit: "sign_in_email", key: raw }], limits);
      if (!limited.ok) return "limited";
      const csrf = randomBytes(32).toString("hex");
      const cookie = `${csrf}|${createHash("sha256").update(`${csrf}${secret}`).digest("hex")}`;
      const before = mailsTo.length;
      const answer = await AuthHandler({
        req: {
          method: "POST",
          action: "signin",
          providerId: "email",
          body: { email: raw, csrfToken: csrf },
          cookies: { "next-auth.csrf-token": cookie },
          headers: {},
          query: {},
        },
        options,
      });
      if (mailsTo.length > before) return "sent";
      expect(answer.redirect).toContain("error=EmailSignin");
      return "refused";
    };
    /** The sign-in form's action: the schema, the limit on the canonical address, then the link. */
    const formStart = async (raw: string): Promise<"limited" | "sent" | "unknown_address" | "refused"> => {
      const parsed = signInFormSchema.safeParse({ email: raw });
      if (!parsed.success) return "refused";
      const limited = await consumeLimits(db, [{ limit: "sign_in_email", key: parsed.data.email }], limits);
      if (!limited.ok) return "limited";
      return sendSignInLink(db, { email: parsed.data.email, callbackUrl: "/en/my/requests" }, settings);
    };

    expect(await nextAuthStart("lea.fischer@demo.example")).toBe("sent");
    expect(await nextAuthStart("Lea.Fischer@ｄｅｍｏ．ｅｘａｍｐｌｅ")).toBe("sent");
    // Counted like every address, known or not (this one has no account, so gets no link).
    expect(await formStart("lea.fischer+1@demo.example")).toBe("unknown_address");
    // The limit (3) is reached: no spelling gets another link, on either path.
    for (const raw of [
      "lea.fischer@demo.example",
      "lea.fischer+2@demo.example",
      "LEA.FISCHER@DEMO.EXAMPLE",
      "lea.fischer@ｄｅｍｏ.ｅｘａｍｐｌｅ",
    ]) {
      expect(await nextAuthStart(raw), raw).toBe("limited");
      expect(await formStart(raw), raw).toBe("limited");
    }
    // next-auth's default normaliser cut ",1" off the domain and sent a link; ours refuses what is no address.
    for (const raw of ["lea.fischer@demo.example,1", "lea.fischer@demo.example,2", "lea.fischer@demo.example, x"]) {
      expect(await nextAuthStart(raw), raw).toBe("refused");
      expect(await formStart(raw), raw).toBe("refused");
    }
    expect(mailsTo).toEqual(["lea.fischer@demo.example", "lea.fischer@demo.example"]);
    expect(await db.outboundMail.count({ where: { toAddress: "lea.fischer+1@demo.example" } })).toBe(0);
  });
});

// Issue 10, item 3: arbitrary Unicode (full Unicode, controls, format characters, surrogate halves)
// in every field of every request form, in the case page's message and withdrawal reason, and in the
// sign-in address, through the lib functions the server actions call, on SQLite and PostgreSQL at
// once: every input gets the same answer on both engines (outcome and error codes), and none throws.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { anyText } from "../../scripts/test/arbitrary-text";
import { privateDatabase } from "../../scripts/test/private-database";
import { testRequestSettings } from "../../scripts/test/request-settings";
import { commonFields, formOf, validForms } from "../../scripts/test/request-forms";
import { verifiedTestRequest } from "../../scripts/test/requests";
import { normaliseEmail } from "../auth/adapter";
import { signInFormSchema } from "../auth/sign-in-form";
import { sendSignInLink, type SignInLinkSettings } from "../auth/sign-in-link";
import { createDb, type Db } from "../db/client";
import { fileRequest, type FilingOutcome } from "../requests/intake/file-request";
import { formChoices } from "../requests/intake/form-choices";
import { detailFieldNames } from "../requests/intake/form-fields";
import { readMessage, readWithdrawalReason } from "../requests/my-request-forms";
import { requestTypes, type RequestType } from "../requests/request-types";
import { transitionRequest, type TransitionOutcome } from "../requests/transition-request";
import { consumeLimits, consumeLimitsDirectly, limitKey, type RateLimitContext } from "../security/rate-limit";

/** Runs per request form, per case-page text and for the sign-in address (each on every engine). */
const RUNS = { form: 150, message: 150, withdrawal: 100, signIn: 300 };
const SUBJECT = "fuzz@example.org";
const secret = "a-test-secret-that-is-long-enough-0123456789";

interface Engine {
  flavor: string;
  db: Db;
  drop: () => Promise<void>;
  dir: string;
  userId: string;
  /** An open, confirmed request of the subject's, for messages and withdrawals. */
  openRequest: string;
}

const link: SignInLinkSettings = {
  publicUrl: "http://localhost:3000",
  secret,
  maxAgeHours: 24,
  timeZone: "Europe/Berlin",
  mail: testRequestSettings.mail,
};
const limits: RateLimitContext = {
  secret,
  windowSeconds: 3600,
  points: {
    submission_ip: 1e9,
    submission_email: 1e9,
    sign_in_ip: 1e9,
    sign_in_email: 1e9,
    message_user: 1e9,
    upload_user: 1e9,
    second_factor_user: 1e9,
  },
};

/** What must be the same on both engines: the outcome's kind and, for a refusal, every field's error. */
function answerOf(outcome: FilingOutcome): unknown {
  return outcome.kind === "invalid" ? { kind: outcome.kind, errors: outcome.errors } : { kind: outcome.kind };
}
function stepAnswer(outcome: TransitionOutcome): unknown {
  return outcome.ok ? { ok: true, status: outcome.status } : { ok: false, code: outcome.error.code };
}

/** Each field of a form: its valid value (often, so that filings get stored) or arbitrary text. */
function formEntries(type: RequestType): fc.Arbitrary<Array<[string, string]>> {
  const valid = new Map<string, string[]>();
  for (const [name, value] of [...commonFields, ...validForms[type]])
    valid.set(name, [...(valid.get(name) ?? []), value]);
  const value = (name: string) =>
    fc.oneof(
      { arbitrary: fc.constantFrom(...(valid.get(name) ?? [""])), weight: 2 },
      { arbitrary: anyText, weight: 1 },
    );
  const names = detailFieldNames(type);
  const single = ["email", "name", "language", ...names.single].map((name) =>
    value(name).map((v): Array<[string, string]> => [[name, v]]),
  );
  const multiple = names.multiple.map((name) =>
    fc.array(value(name), { minLength: 1, maxLength: 3 }).map((vs) => vs.map((v): [string, string] => [name, v])),
  );
  return fc.tuple(...single, ...multiple).map((groups) => groups.flat());
}

/** Addresses: spellings of a known one, arbitrary text, text around an @, and a known address with text added. */
const signInAddress = fc.oneof(
  fc.constantFrom(
    SUBJECT,
    " FUZZ@Example.ORG ",
    "fuzz+1@ｅｘａｍｐｌｅ.org",
    "fuzz@example.org,1",
    "nobody@müller-beispiel.de",
  ),
  anyText,
  fc.tuple(anyText, anyText).map(([a, b]) => `${a}@${b}`),
  fc
    .tuple(anyText, fc.constantFrom("demo.example", "müller-beispiel.de", "ｅｘａｍｐｌｅ.org"))
    .map(([a, d]) => `${a}@${d}`),
  fc
    .tuple(fc.constantFrom(SUBJECT, "FUZZ@Example.ORG", "fuzz+1@ｅｘａｍｐｌｅ.org"), anyText)
    .map(([a, t]) => `${a}${t}`),
);

describe("arbitrary Unicode in every form and action", () => {
  const flavors = inject("testDatabases").map((d) => d.flavor);
  const engines: Engine[] = [];
  const tally = new Map<string, number>();
  const count = (label: string) => tally.set(label, (tally.get(label) ?? 0) + 1);

  beforeAll(async () => {
    for (const flavor of flavors) {
      const database = await privateDatabase(flavor, "unicodefuzz");
      const db = createDb(database.url);
      const userId = (await db.user.create({ data: { email: SUBJECT } })).id;
      const { id } = await verifiedTestRequest(db, userId, { subjectEmail: SUBJECT });
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dsr-unicodefuzz-"));
      engines.push({ flavor, db, drop: database.drop, dir, userId, openRequest: id });
    }
  });
  afterAll(async () => {
    // The figures for the closing note: runs and answers per kind, on every engine.
    console.info(`unicode fuzz on ${flavors.join(" + ")}:`, Object.fromEntries([...tally].sort()));
    for (const engine of engines) {
      await engine.db.$disconnect();
      await engine.drop();
      fs.rmSync(engine.dir, { recursive: true, force: true });
    }
  });

  /** Asks every engine, and checks they all answered alike. */
  async function onEvery<T>(ask: (engine: Engine) => Promise<T>): Promise<T> {
    const answers: T[] = [];
    for (const engine of engines) answers.push(await ask(engine));
    for (const [i, answer] of answers.entries()) expect(answer, engines[i]!.flavor).toEqual(answers[0]);
    return answers[0]!;
  }

  it.each(requestTypes)(
    "%s form: the same answer on every engine, and none throws",
    async (type) => {
      await fc.assert(
        fc.asyncProperty(formEntries(type), async (entries) => {
          const answer = await onEvery(async (engine) =>
            answerOf(
              await fileRequest(type, formOf(entries), {
                db: engine.db,
                settings: { ...testRequestSettings, attachmentsDir: engine.dir },
                link,
                choices: formChoices(),
                session: null,
                ip: "203.0.113.7",
                userAgent: "fuzz",
                uploads: { limits: { maxBytesPerFile: 1 << 20, maxFiles: 5 }, dir: engine.dir },
                limit: (input, tx, now) =>
                  consumeLimitsDirectly(tx, [{ limit: "submission_email", key: input.email }], now, limits),
              }),
            ),
          );
          count(`form ${type}: ${(answer as { kind: string }).kind}`);
        }),
        { numRuns: RUNS.form },
      );
    },
    120_000,
  );

  it("case message: the same answer on every engine, past the form's parsing too, and none throws", async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (raw) => {
        const read = readMessage(raw);
        count(read.ok ? "message accepted by the form" : `message refused: ${read.error.code}`);
        await onEvery(async (engine) => {
          const send = (message: string) =>
            transitionRequest(
              engine.db,
              {
                requestId: engine.openRequest,
                actor: { type: "subject", userId: engine.userId },
                command: { name: "send_message", input: { message } },
              },
              testRequestSettings,
            );
          // What the action sends on, and what a caller that skipped the form's parsing would send.
          return [read.ok ? stepAnswer(await send(read.value)) : null, stepAnswer(await send(raw))];
        });
      }),
      { numRuns: RUNS.message },
    );
  }, 120_000);

  it("withdrawal reason: the same answer on every engine, and none throws", async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (raw) => {
        const read = readWithdrawalReason(raw);
        count(read.ok ? "withdrawal accepted by the form" : `withdrawal refused: ${read.error.code}`);
        if (!read.ok) return;
        await onEvery(async (engine) => {
          const outcome = await transitionRequest(
            engine.db,
            {
              requestId: engine.openRequest,
              actor: { type: "subject", userId: engine.userId },
              command: { name: "withdraw", input: read.value ? { reason: read.value } : {} },
            },
            testRequestSettings,
          );
          // Withdrawn: the next run needs another open request.
          if (outcome.ok)
            engine.openRequest = (await verifiedTestRequest(engine.db, engine.userId, { subjectEmail: SUBJECT })).id;
          return stepAnswer(outcome);
        });
      }),
      { numRuns: RUNS.withdrawal },
    );
  }, 120_000);

  it("sign-in address: the form and next-auth's normaliser agree, the same answer on every engine, none throws", async () => {
    await fc.assert(
      fc.asyncProperty(signInAddress, async (raw) => {
        const parsed = signInFormSchema.safeParse({ email: raw });
        // /api/auth/signin/email normalises with normaliseEmail: it must accept exactly what the form accepts.
        let normalised: string | null = null;
        try {
          normalised = normaliseEmail(raw);
        } catch {
          normalised = null;
        }
        expect(normalised).toBe(parsed.success ? parsed.data.email : null);
        if (parsed.success)
          expect(limitKey("sign_in_email", raw, secret)).toBe(limitKey("sign_in_email", parsed.data.email, secret));
        const answer = await onEvery(async (engine) => {
          const limited = await consumeLimits(engine.db, [{ limit: "sign_in_email", key: raw }], limits);
          if (!limited.ok) return "limited";
          if (!parsed.success) return "refused";
          return sendSignInLink(engine.db, { email: parsed.data.email, callbackUrl: "/de/my/requests" }, link);
        });
        count(`sign-in ${answer}`);
      }),
      { numRuns: RUNS.signIn },
    );
  }, 120_000);
});

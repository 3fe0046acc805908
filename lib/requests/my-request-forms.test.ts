// The case page's texts on real SQLite and PostgreSQL: a NUL or an invisible character in a message
// or a withdrawal reason is a field error naming it, and nothing is stored, on both engines (a NUL
// used to be stored on SQLite and a 500 on PostgreSQL, 22021); markup-ish text is kept as typed.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { privateDatabase } from "../../scripts/test/private-database";
import { testRequestSettings } from "../../scripts/test/request-settings";
import { verifiedTestRequest } from "../../scripts/test/requests";
import { createDb, type Db } from "../db/client";
import { readMessage, readWithdrawalReason } from "./my-request-forms";
import { transitionRequest } from "./transition-request";

describe("the case page's texts", () => {
  it("refuses a NUL, a bidi override and a zero-width space, saying which and where", () => {
    expect(readMessage("Hallo\u0000Team")).toEqual({
      ok: false,
      error: { code: "control_character", character: "U+0000", position: 6 },
    });
    expect(readMessage("Zeile 1\r\nA\u202eB")).toEqual({
      ok: false,
      error: { code: "invisible_character", character: "U+202E", position: 10 },
    });
    expect(readWithdrawalReason("No\u200blonger")).toEqual({
      ok: false,
      error: { code: "invisible_character", character: "U+200B", position: 3 },
    });
  });

  it("keeps line breaks, tabs and markup as typed; an empty reason is none, an empty message is refused", () => {
    expect(readMessage(" Zeile 1\r\n\t<b>fett</b> & <script>x</script> ")).toEqual({
      ok: true,
      value: "Zeile 1\n\t<b>fett</b> & <script>x</script>",
    });
    expect(readWithdrawalReason(" \r\n ")).toEqual({ ok: true, value: null });
    expect(readWithdrawalReason(null)).toEqual({ ok: true, value: null });
    expect(readMessage("  ")).toEqual({ ok: false, error: { code: "empty" } });
    expect(readMessage("x".repeat(10_001))).toEqual({ ok: false, error: { code: "too_long" } });
  });
});

describe.each(inject("testDatabases").map((d) => d.flavor))("case page texts on %s", (flavor) => {
  let db: Db;
  let drop: () => Promise<void>;
  let userId: string;
  const footprint = async () => ({
    messages: await db.requestMessage.count(),
    audit: await db.auditEntry.count(),
    texts: await db.auditText.count(),
    mails: await db.outboundMail.count(),
  });

  beforeAll(async () => {
    const database = await privateDatabase(flavor, "casetext");
    db = createDb(database.url);
    drop = database.drop;
    userId = (await db.user.create({ data: { email: "mia@example.org" } })).id;
  });
  afterAll(async () => {
    await db.$disconnect();
    await drop();
  });

  const step = (requestId: string, command: "send_message" | "withdraw", words: string) =>
    transitionRequest(
      db,
      {
        requestId,
        actor: { type: "subject", userId },
        command:
          command === "send_message"
            ? { name: "send_message", input: { message: words } }
            : { name: "withdraw", input: { reason: words } },
      },
      testRequestSettings,
    );

  it.each(["send_message", "withdraw"] as const)(
    "%s with a NUL: refused as invalid input even past the form, nothing stored",
    async (command) => {
      const { id } = await verifiedTestRequest(db, userId, { subjectEmail: "mia@example.org" });
      const before = await footprint();
      const outcome = await step(id, command, "Bitte\u0000löschen");
      expect(outcome).toMatchObject({ ok: false, error: { code: "invalid_input" } });
      expect(await footprint()).toEqual(before);
      expect(await db.request.findUniqueOrThrow({ where: { id }, select: { status: true } })).toEqual({
        status: "received",
      });
    },
  );

  it("stores a message with markup as typed, in NFC with LF line breaks", async () => {
    const { id } = await verifiedTestRequest(db, userId, { subjectEmail: "mia@example.org" });
    const read = readMessage('Mu\u0308ller <b>schreibt</b>:\r\n"><script>alert(1)</script>');
    if (!read.ok) throw new Error(read.error.code);
    expect((await step(id, "send_message", read.value)).ok).toBe(true);
    const message = await db.requestMessage.findFirstOrThrow({ where: { requestId: id } });
    expect(message.body).toBe('M\u00fcller <b>schreibt</b>:\n"><script>alert(1)</script>');
  });
});

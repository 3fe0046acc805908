// Link mails in the outbox on real SQLite and PostgreSQL, delivered to a real SMTP server: once a
// mail with a magic link is handed over (or fails for good) the outbox keeps no usable link; in
// the demo mailbox the link stays readable until used or expired; a link mail still waiting when
// its link expires is never sent.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { privateDatabase } from "../../../scripts/test/private-database";
import { testRequestSettings } from "../../../scripts/test/request-settings";
import { sinkDelivery } from "../../../scripts/test/sink-delivery";
import { SmtpSink } from "../../../scripts/test/smtp-sink";
import { redeemLink } from "../../auth/links/redeem-link";
import { DEFAULT_SESSION_POLICY } from "../../auth/sessions/session-policy";
import { sendSignInLink, type SignInLinkSettings } from "../../auth/sign-in-link";
import { createDb, type Db } from "../../db/client";
import { mailboxDelivery, type MailDelivery } from "./deliveries";
import { deliverDueMails } from "./deliver-due-mails";
import { eraseExpiredLinkMails } from "./erase-link-mails";
import type { RetryPolicy } from "./retry-policy";

const settings: SignInLinkSettings = {
  publicUrl: "http://localhost:3000",
  secret: "a-test-secret-that-is-long-enough-0123456789",
  maxAgeHours: 1,
  timeZone: "Europe/Berlin",
  mail: testRequestSettings.mail,
};
const retry: RetryPolicy = { baseDelayMs: 1, maxDelayMs: 1, maxAttempts: 1 };
const hour = 3_600_000;

describe.each(inject("testDatabases").map((d) => d.flavor))("link mails on %s", (flavor) => {
  let db: Db;
  let drop: () => Promise<void>;
  const sink = new SmtpSink();
  let port = 0;
  const smtp = (): MailDelivery => sinkDelivery(port);

  beforeAll(async () => {
    const database = await privateDatabase(flavor, "linkmails");
    db = createDb(database.url);
    drop = database.drop;
    port = await sink.start();
  });
  afterAll(async () => {
    await sink.stop();
    await db.$disconnect();
    await drop();
  });

  const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  async function askForLink(now = new Date()): Promise<{ email: string; mailId: string; token: string }> {
    const email = `link-${unique()}@demo.example`;
    await db.user.create({ data: { email } });
    await sendSignInLink(db, { email, callbackUrl: "/en/my/requests" }, settings, now);
    const mail = await db.outboundMail.findFirstOrThrow({ where: { toAddress: email } });
    const token = new URL((mail.variables as { url: string }).url).searchParams.get("token")!;
    return { email, mailId: mail.id, token };
  }
  const mailRow = (id: string) => db.outboundMail.findUniqueOrThrow({ where: { id } });

  it("handed to the SMTP server, the mail keeps its subject and a digest of the address, but no link", async () => {
    const { email, mailId, token } = await askForLink();
    const delivered = await deliverDueMails(db, smtp(), { retry });
    expect(delivered.sent).toBeGreaterThanOrEqual(1);
    // The person got the link…
    const received = sink.messages().find((m) => m.envelope.to.includes(email));
    expect(received?.text).toContain(token);
    // …and the outbox has nothing left to sign in with.
    const row = await mailRow(mailId);
    expect(row).toMatchObject({ status: "sent", transport: "smtp", variables: {}, text: null, html: null });
    expect(row.subject).toMatch(/sign-in link/);
    expect(row.toAddress).toMatch(/^minimised:[0-9a-f]{64}$/);
    expect(row).toMatchObject({ linkTokenHash: null, linkExpiresAt: null });
    expect(JSON.stringify(row)).not.toContain(token);
    // The link itself still works for its owner.
    expect(
      await redeemLink(db, token, { secret: settings.secret, sessionPolicy: DEFAULT_SESSION_POLICY }),
    ).toMatchObject({
      ok: true,
    });
  });

  it("failed for good (rejected by the server), the mail keeps no link either", async () => {
    const { email, mailId, token } = await askForLink();
    sink.rejectRecipients.add(email);
    await deliverDueMails(db, smtp(), { retry });
    const row = await mailRow(mailId);
    expect(row).toMatchObject({ status: "failed", variables: {}, linkTokenHash: null });
    expect(JSON.stringify(row)).not.toContain(token);
  });

  it("in the demo mailbox the link stays readable until it is used, and is erased then", async () => {
    const { mailId, token } = await askForLink();
    await deliverDueMails(db, mailboxDelivery, { retry });
    const readable = await mailRow(mailId);
    expect(readable).toMatchObject({ status: "sent", transport: "mailbox" });
    expect(readable.text).toContain(token);
    await redeemLink(db, token, { secret: settings.secret, sessionPolicy: DEFAULT_SESSION_POLICY });
    const erased = await mailRow(mailId);
    expect(erased).toMatchObject({ status: "sent", text: null, html: null, variables: {}, linkTokenHash: null });
    expect(JSON.stringify(erased)).not.toContain(token);
  });

  it("in the demo mailbox the link is erased when it expires; a link mail not yet sent then is never sent", async () => {
    const twoHoursAgo = new Date(Date.now() - 2 * hour);
    const shown = await askForLink(twoHoursAgo);
    await deliverDueMails(db, mailboxDelivery, { retry, clock: () => twoHoursAgo });
    const waiting = await askForLink(twoHoursAgo);
    expect(await eraseExpiredLinkMails(db, new Date())).toBeGreaterThanOrEqual(2);
    expect(await mailRow(shown.mailId)).toMatchObject({ status: "sent", text: null, variables: {} });
    expect(await mailRow(waiting.mailId)).toMatchObject({
      status: "failed",
      lastError: "not sent: its link expired",
      variables: {},
    });
    const before = sink.messages().length;
    await deliverDueMails(db, smtp(), { retry });
    expect(sink.messages().filter((m) => m.envelope.to.includes(waiting.email))).toEqual([]);
    expect(sink.messages().length).toBeGreaterThanOrEqual(before);
  });
});

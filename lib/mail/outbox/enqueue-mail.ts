// The only way a mail enters the system: a row written inside the transaction of
// the event that causes it, so there is never an event without its mail or a mail
// without its event. Variables are checked now, so a bad mail aborts the event.
// (enqueueMail through Prisma; a filing stores outboxRow's row with enqueueMailDirectly,
// lib/db/direct/.)
import type { DirectTx } from "../../db/direct/direct-transaction";
import type { Tx } from "../../db/tx";
import { templates, type TemplateName, type TemplateVariables } from "../templates";
import { signalMailQueued } from "./mail-queued-signal";
import { newId } from "../../db/direct/new-id";

export interface MailToQueue<N extends TemplateName = TemplateName> {
  template: N;
  variables: TemplateVariables<N>;
  language: "de" | "en";
  to: string;
  requestId?: string | null;
  /** For a mail carrying a magic link: its token's hash and expiry, so the mail is erased with the link. */
  link?: { tokenHash: string; expires: Date };
}

/** The outbox row of `mail`, its variables checked against its template (throws when they are bad). */
export function outboxRow(mail: MailToQueue, now: Date) {
  const parsed = templates[mail.template].schema.safeParse(mail.variables);
  if (!parsed.success) {
    throw new Error(
      `mail "${mail.template}" has bad variables: ${parsed.error.issues.map((i) => i.path.join(".")).join(", ")}`,
    );
  }
  return {
    template: mail.template,
    variables: parsed.data as object,
    language: mail.language,
    toAddress: mail.to,
    requestId: mail.requestId ?? null,
    nextAttemptAt: now,
    linkTokenHash: mail.link?.tokenHash ?? null,
    linkExpiresAt: mail.link?.expires ?? null,
  };
}

export async function enqueueMail(tx: Tx, mail: MailToQueue, now: Date): Promise<string> {
  const row = await tx.outboundMail.create({ data: outboxRow(mail, now), select: { id: true } });
  signalMailQueued();
  return row.id;
}

/** enqueueMail with a direct statement (lib/db/direct/), for the filing: the same row. */
export async function enqueueMailDirectly(tx: DirectTx, mail: MailToQueue, now: Date): Promise<string> {
  const row = outboxRow(mail, now);
  const id = newId();
  await tx.run(
    `INSERT INTO "OutboundMail" ("id", "template", "variables", "language", "toAddress", "requestId", "status",
       "attempts", "nextAttemptAt", "linkTokenHash", "linkExpiresAt", "createdAt")
     VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?, ?)`,
    [
      id,
      row.template,
      JSON.stringify(row.variables),
      row.language,
      row.toAddress,
      row.requestId,
      row.nextAttemptAt,
      row.linkTokenHash,
      row.linkExpiresAt,
      now,
    ],
  );
  signalMailQueued();
  return id;
}

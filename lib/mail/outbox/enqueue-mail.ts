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
import { currentNoticeText } from "./current-notice-text";

export interface MailToQueue<N extends TemplateName = TemplateName> {
  template: N;
  variables: TemplateVariables<N>;
  language: "de" | "en";
  to: string;
  requestId?: string | null;
  /** For a mail carrying a magic link: its token's hash and expiry, so the mail is erased with the link. */
  link?: { tokenHash: string; expires: Date };
}

/**
 * The outbox row of `mail`, its variables checked against its template (throws when they are bad).
 * `noticeTextId`: the edited notice text it is to be rendered from (current-notice-text.ts), null for
 * the shipped words.
 */
export function outboxRow(mail: MailToQueue, now: Date, noticeTextId: string | null = null) {
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
    noticeTextId,
  };
}

/** The request type a notice's variables name (it picks the type's own text), if any. */
function requestTypeOf(variables: unknown): string | undefined {
  const type = (variables as { type?: unknown }).type;
  return typeof type === "string" ? type : undefined;
}

/**
 * Queues `mail` inside `tx`. A notice the DPO may edit is bound now to the text current at this
 * moment (its version id on the row), so an edit made while it waits does not change it.
 */
export async function enqueueMail(tx: Tx, mail: MailToQueue, now: Date): Promise<string> {
  const edited = templates[mail.template].notice
    ? await currentNoticeText(tx, mail.template, requestTypeOf(mail.variables), mail.language)
    : null;
  const row = await tx.outboundMail.create({
    data: outboxRow(mail, now, edited?.id ?? null),
    select: { id: true },
  });
  signalMailQueued();
  return row.id;
}

/** enqueueMail with a direct statement (lib/db/direct/), for the filing: the same row. */
export async function enqueueMailDirectly(tx: DirectTx, mail: MailToQueue, now: Date): Promise<string> {
  // A filing queues only the confirmation link, which is no editable notice: a notice queued here
  // would skip the DPO's current text, so it is refused rather than sent in the shipped words.
  if (templates[mail.template].notice) throw new Error(`notice "${mail.template}" must be queued with enqueueMail`);
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

// The only way a mail enters the system: a row written inside the transaction of
// the event that causes it, so there is never an event without its mail or a mail
// without its event. Variables are checked now, so a bad mail aborts the event.
import type { Tx } from "../../db/tx";
import { templates, type TemplateName, type TemplateVariables } from "../templates";
import { signalMailQueued } from "./mail-queued-signal";

export interface MailToQueue<N extends TemplateName = TemplateName> {
  template: N;
  variables: TemplateVariables<N>;
  language: "de" | "en";
  to: string;
  requestId?: string | null;
  /** For a mail carrying a magic link: its token's hash and expiry, so the mail is erased with the link. */
  link?: { tokenHash: string; expires: Date };
}

export async function enqueueMail(tx: Tx, mail: MailToQueue, now: Date): Promise<string> {
  const parsed = templates[mail.template].schema.safeParse(mail.variables);
  if (!parsed.success) {
    throw new Error(
      `mail "${mail.template}" has bad variables: ${parsed.error.issues.map((i) => i.path.join(".")).join(", ")}`,
    );
  }
  const row = await tx.outboundMail.create({
    data: {
      template: mail.template,
      variables: parsed.data as object,
      language: mail.language,
      toAddress: mail.to,
      requestId: mail.requestId ?? null,
      nextAttemptAt: now,
      linkTokenHash: mail.link?.tokenHash ?? null,
      linkExpiresAt: mail.link?.expires ?? null,
    },
    select: { id: true },
  });
  signalMailQueued();
  return row.id;
}

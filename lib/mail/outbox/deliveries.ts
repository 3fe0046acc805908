// Where a rendered mail goes: an SMTP server, or, in the demo without SMTP, the
// built-in mailbox (the mail simply stays readable in the outbox table).
import type { Transporter } from "nodemailer";

export interface OutgoingMail {
  id: string;
  to: string;
  subject: string;
  html: string;
  text: string;
}

export interface MailDelivery {
  readonly name: "smtp" | "mailbox";
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export function smtpDelivery(
  transport: Transporter,
  from: string,
  replyTo: string,
  messageIdDomain: string,
): MailDelivery {
  return {
    name: "smtp",
    async send(mail) {
      await transport.sendMail({
        // The outbox row's id: a receiver (or a sink in tests) can tell a retried mail from a new one.
        messageId: `<${mail.id}@${messageIdDomain}>`,
        from,
        replyTo,
        to: mail.to,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
      });
    },
    close: () => transport.close(),
  };
}

export const mailboxDelivery: MailDelivery = { name: "mailbox", send: async () => undefined, close: () => undefined };

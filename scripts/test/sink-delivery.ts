// The outbox's real SMTP delivery, pointed at a test's SMTP sink (scripts/test/smtp-sink.ts).
import { parseEnv } from "../../lib/config/env";
import { smtpDelivery, type MailDelivery } from "../../lib/mail/outbox/deliveries";
import { createMailTransport } from "../../lib/mail/transport";

export function sinkDelivery(port: number): MailDelivery {
  return smtpDelivery(
    createMailTransport(parseEnv({ SMTP_HOST: "127.0.0.1", SMTP_PORT: String(port), SMTP_SECURE: "none" })),
    "Datenschutz-Portal <privacy@demo.example>",
    "dsb@secjur.example",
    "portal.test",
  );
}

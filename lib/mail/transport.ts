// The SMTP connection, built from the validated configuration. The outbox (the only
// sender of mail) delivers through this; nothing else opens SMTP connections.
import nodemailer, { type Transporter } from "nodemailer";
import type { Env } from "../config/env";

export type MailTransport = Transporter;

export function createMailTransport(
  e: Pick<Env, "SMTP_HOST" | "SMTP_PORT" | "SMTP_SECURE" | "SMTP_USER" | "SMTP_PASSWORD">,
): MailTransport {
  if (!e.SMTP_HOST) throw new Error("SMTP_HOST is not set: no SMTP transport is configured");
  return nodemailer.createTransport({
    host: e.SMTP_HOST,
    port: e.SMTP_PORT,
    secure: e.SMTP_SECURE === "tls",
    // starttls: refuse to send in clear text if the server does not offer TLS.
    requireTLS: e.SMTP_SECURE === "starttls",
    ignoreTLS: e.SMTP_SECURE === "none",
    auth: e.SMTP_USER ? { user: e.SMTP_USER, pass: e.SMTP_PASSWORD ?? "" } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
}

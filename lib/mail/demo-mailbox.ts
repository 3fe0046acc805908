// The built-in mailbox of the demo: with no SMTP server configured, every mail the
// portal sends can be read here, links and all. It exists only in that mode; in
// any other it answers as if it were not there.
import "server-only";
import { appConfig } from "../config/app-config";
import { db } from "../db/client";

export function demoMailboxEnabled(): boolean {
  const config = appConfig();
  return config.mode === "demo" && !config.smtpConfigured;
}

const listFields = {
  id: true,
  template: true,
  toAddress: true,
  subject: true,
  status: true,
  createdAt: true,
  sentAt: true,
  lastError: true,
} as const;

export async function listDemoMails() {
  if (!demoMailboxEnabled()) return null;
  return db().outboundMail.findMany({ orderBy: { createdAt: "desc" }, take: 200, select: listFields });
}

export async function findDemoMail(id: string) {
  if (!demoMailboxEnabled()) return null;
  return db().outboundMail.findUnique({
    where: { id },
    select: { ...listFields, text: true, html: true, language: true },
  });
}

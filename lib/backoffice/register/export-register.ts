// The register's download for the current request: who asks (the staff gate's rules, answered as a
// route answers), the view they ask for, the entry on the system audit chain (an export of the
// register is itself a step on record), and the CSV stream. Server-only.
import "server-only";
import { Readable } from "node:stream";
import { appendSystemAuditEntry, inSystemChainTransaction } from "../../audit/append-system-entry";
import { appConfig } from "../../config/app-config";
import { db } from "../../db/client";
import type { Locale } from "../../i18n/locales";
import type { ClientContext } from "../../security/client-context";
import { may } from "../access/capabilities";
import { lookupStaff, secondFactorPath } from "../access/staff-gate";
import { parseQueueView } from "../queue/queue-view";
import { registerCsv } from "./register-csv";
import { REGISTER_COLUMNS, registerRows } from "./register-rows";

const noStore = { "Cache-Control": "private, no-store" };

/**
 * The answer to a POST of the register form: 401 signed out, 404 for anyone whose role lacks
 * "register.export" (and a data subject), 303 to the TOTP page while the second factor is owed, 400
 * for a view the queue would not accept; otherwise the CSV of every request the view matches.
 */
export async function exportRegister(locale: Locale, viewQuery: string, client: ClientContext): Promise<Response> {
  const lookup = await lookupStaff();
  if (lookup.kind === "signed_out")
    return new Response("Sign in to export the register.", { status: 401, headers: noStore });
  if (lookup.kind === "not_staff") return new Response("Not found", { status: 404, headers: noStore });
  if (lookup.kind === "second_factor_pending") {
    return new Response(null, {
      status: 303,
      headers: { ...noStore, Location: secondFactorPath(locale, `/${locale}/backoffice`) },
    });
  }
  const { viewer } = lookup;
  if (!may(viewer.actor.role, "register.export")) return new Response("Not found", { status: 404, headers: noStore });
  const { view, problems } = parseQueueView(new URLSearchParams(viewQuery));
  if (problems.length) {
    return new Response(`This view cannot be exported: ${problems.map((p) => p.field).join(", ")}.`, {
      status: 400,
      headers: { ...noStore, "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const now = new Date();
  const config = appConfig();
  await inSystemChainTransaction(db(), (tx) =>
    appendSystemAuditEntry(tx, {
      actor: viewer.actor,
      event: "register_exported",
      details: { view: viewQuery },
      ip: client.ip,
      userAgent: client.userAgent,
      createdAt: now,
    }),
  );
  const rows = registerRows(db(), viewer, view, { timeZone: config.deadlinePolicy.timeZone, now });
  const csv = registerCsv(REGISTER_COLUMNS, rows);
  return new Response(Readable.toWeb(csv) as ReadableStream, {
    headers: {
      ...noStore,
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="request-register-${now.toISOString().slice(0, 10)}.csv"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}

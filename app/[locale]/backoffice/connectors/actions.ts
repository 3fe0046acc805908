"use server";
// The DPO's connector form (a plain post; it works without JavaScript). Parsing here; the rules and the
// role check in lib/backoffice/connectors/.
import { notFound, redirect } from "next/navigation";
import { requireStaff } from "@/lib/backoffice/access/staff-gate";
import {
  connectorFormValues,
  readConnectorForm,
  type ConnectorFormErrors,
  type ConnectorFormValues,
} from "@/lib/backoffice/connectors/connector-form";
import { saveConnector } from "@/lib/backoffice/connectors/connectors";
import { db } from "@/lib/db/client";
import { isLocale } from "@/lib/i18n/locales";
import { clientContext } from "@/lib/security/client-context";
import { postedForm } from "@/lib/security/posted-form";

export interface ConnectorFormState {
  values: ConnectorFormValues;
  errors: ConnectorFormErrors & { form?: string };
}

/** Creates a connector (no `connectorId`) or changes one; back to the list with "saved", or the form with its errors. */
export async function saveConnectorAction(
  _previous: ConnectorFormState,
  received: FormData,
): Promise<ConnectorFormState> {
  const form = postedForm(received);
  const locale = form.get("locale");
  if (!isLocale(locale)) notFound();
  const path = `/${locale}/backoffice/connectors`;
  const viewer = await requireStaff(locale, "connectors.edit", path);
  const connectorId =
    typeof form.get("connectorId") === "string" && form.get("connectorId") !== ""
      ? String(form.get("connectorId"))
      : null;
  const values = connectorFormValues(form);
  let fixed: { key: string; kind: "demo_platform" | "opencompliance" | "manual" } | undefined;
  if (connectorId) {
    const stored = await db().connector.findUnique({ where: { id: connectorId }, select: { key: true, kind: true } });
    if (!stored) return { values, errors: { form: "not_found" } };
    fixed = stored;
  }
  const read = readConnectorForm(values, fixed);
  if (!read.ok) return { values, errors: read.errors };
  const client = await clientContext();
  const saved = await saveConnector(db(), viewer, connectorId, read.input, client);
  if (!saved.ok) {
    if (saved.code === "not_permitted") notFound();
    if (saved.code === "key_taken") return { values, errors: { key: "key_taken" } };
    if (saved.code === "unknown_owner") return { values, errors: { ownerUserId: "unknown_owner" } };
    return { values, errors: { form: saved.code } };
  }
  redirect(`${path}?notice=saved`);
}

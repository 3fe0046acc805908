import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ConnectorForm, type ConnectorFormText } from "@/components/backoffice/connectors/connector-form";
import { may } from "@/lib/backoffice/access/capabilities";
import { requireStaff } from "@/lib/backoffice/access/staff-gate";
import { connectorValuesOf, newConnectorValues } from "@/lib/backoffice/connectors/connector-form";
import { connectorOwners, listConnectors } from "@/lib/backoffice/connectors/connectors";
import { db } from "@/lib/db/client";
import { isLocale } from "@/lib/i18n/locales";
import { registerEntries, registerEntry } from "@/lib/privacy";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/[locale]/backoffice/connectors">): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "backofficeFulfilment.connectors" });
  return { title: t("metaTitle") };
}

const labelKeys = [
  "name",
  "key",
  "keyHint",
  "kind",
  "owner",
  "ownerNone",
  "ownerStaff",
  "ownerOutsideName",
  "ownerOutsideEmail",
  "ownerHint",
  "registerEntries",
  "required",
  "requiredHint",
  "enabled",
  "enabledHint",
  "baseUrl",
  "baseUrlHint",
  "domain",
  "certificatePem",
  "timeoutMs",
  "instructionsDe",
  "instructionsEn",
  "kindFieldsHint",
  "processorFields",
  "manualFields",
  "save",
  "cancel",
  "errorSummary",
] as const;
const kinds = ["demo_platform", "opencompliance", "manual"] as const;

/**
 * The systems where personal data live (issue 14): the list for every reader, and for the DPO the form to
 * create one (?edit=new) or change one (?edit=<id>). A GET only shows; the form posts saveConnectorAction.
 */
export default async function ConnectorsPage({ params, searchParams }: PageProps<"/[locale]/backoffice/connectors">) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const path = `/${locale}/backoffice/connectors`;
  const viewer = await requireStaff(locale, "connectors.view", path);
  const rows = (await listConnectors(db(), viewer)) ?? notFound();
  const t = await getTranslations({ locale, namespace: "backofficeFulfilment.connectors" });
  const query = await searchParams;
  const mayEdit = may(viewer.actor.role, "connectors.edit");
  const editing = mayEdit && typeof query.edit === "string" ? query.edit : null;
  const edited = editing && editing !== "new" ? rows.find((r) => r.id === editing) : undefined;
  const showForm = editing === "new" || edited !== undefined;
  const entryName = (id: string) => registerEntry(id)?.name[locale] ?? id;
  const owners = (await connectorOwners(db(), viewer)).map((o) => ({
    id: o.id,
    label: o.name ? `${o.name} (${o.email})` : o.email,
  }));
  const text: ConnectorFormText = {
    title: edited ? t("editTitle", { name: edited.name }) : t("createTitle"),
    labels: Object.fromEntries(labelKeys.map((k) => [k, t(k)])) as ConnectorFormText["labels"],
    kinds: Object.fromEntries(kinds.map((k) => [k, t(`kinds.${k}`)])),
    errors: t.raw("errors") as Record<string, string>,
  };
  return (
    <div className="container section" data-testid="connectors-page">
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      {query.notice === "saved" ? (
        <div className="notice" role="status" data-testid="connectors-notice">
          <p>{t("saved")}</p>
        </div>
      ) : null}
      {!mayEdit ? <p className="field__hint">{t("readOnly")}</p> : null}
      {mayEdit && !showForm ? (
        <p>
          <Link href={`${path}?edit=new`} className="button" data-testid="connector-new">
            {t("create")}
          </Link>
        </p>
      ) : null}
      {showForm ? (
        <ConnectorForm
          key={edited?.id ?? "new"}
          locale={locale}
          connectorId={edited?.id ?? null}
          values={edited ? connectorValuesOf(edited) : newConnectorValues}
          owners={owners}
          entries={registerEntries().map((e) => ({ id: e.id, label: e.name[locale] }))}
          text={text}
          cancelHref={path}
        />
      ) : null}
      {rows.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="connectors-table">
            <thead>
              <tr>
                <th scope="col">{t("name")}</th>
                <th scope="col">{t("kind")}</th>
                <th scope="col">{t("owner")}</th>
                <th scope="col">{t("registerEntries")}</th>
                <th scope="col">{t("required")}</th>
                <th scope="col">{t("enabled")}</th>
                {mayEdit ? <th scope="col">{t("edit")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} data-testid="connector-row" data-key={row.key}>
                  <th scope="row">
                    {row.name} <code>{row.key}</code>
                  </th>
                  <td>{t(`kinds.${row.kind}`)}</td>
                  <td>
                    {row.owner
                      ? (row.owner.name ?? row.owner.email)
                      : row.ownerName
                        ? `${row.ownerName} (${row.ownerEmail ?? ""})`
                        : t("ownerNone")}
                  </td>
                  <td>
                    {(Array.isArray(row.registerEntries) ? row.registerEntries : [])
                      .map((id) => entryName(String(id)))
                      .join(", ")}
                  </td>
                  <td>{row.required ? t("yes") : t("no")}</td>
                  <td>{row.enabled ? t("yes") : t("no")}</td>
                  {mayEdit ? (
                    <td>
                      <Link
                        href={`${path}?edit=${encodeURIComponent(row.id)}`}
                        aria-label={t("editTitle", { name: row.name })}
                      >
                        {t("edit")}
                      </Link>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

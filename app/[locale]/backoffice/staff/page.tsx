import "@/components/backoffice/staff/staff.css";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { InviteForm, type InviteFormText } from "@/components/backoffice/staff/invite-form";
import { StaffTable } from "@/components/backoffice/staff/staff-table";
import { requireStaff } from "@/lib/backoffice/access/staff-gate";
import { listStaff } from "@/lib/backoffice/staff/list-staff";
import { db } from "@/lib/db/client";
import { isLocale } from "@/lib/i18n/locales";
import { staffRoles } from "@/lib/requests/workflow/actor";

export async function generateMetadata({ params }: PageProps<"/[locale]/backoffice/staff">): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "backofficeStaff" });
  return { title: t("metaTitle") };
}

const notices = ["invited", "role_changed", "deactivated", "reactivated", "second_factor_reset"] as const;
const refusals = ["invalid", "forbidden", "not_found", "already_staff", "last_dpo", "self"] as const;

/** Staff accounts: invite, change role, deactivate, reset the second factor (admins only, issue 13). */
export default async function StaffPage({ params, searchParams }: PageProps<"/[locale]/backoffice/staff">) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const viewer = await requireStaff(locale, "staff.manage", `/${locale}/backoffice/staff`);
  const rows = (await listStaff(db(), viewer.actor.role)) ?? notFound();
  const [t, tRoles, tLanguages] = await Promise.all([
    getTranslations({ locale, namespace: "backofficeStaff" }),
    getTranslations({ locale, namespace: "backoffice.roles" }),
    getTranslations({ locale, namespace: "languages" }),
  ]);
  const query = await searchParams;
  const notice = notices.find((n) => n === query.notice);
  const refusal = refusals.find((r) => r === query.error);
  const errorCodes = ["required", "too_long", "invalid_email", "role", ...refusals];
  const inviteText: InviteFormText = {
    title: t("invite.title"),
    hint: t("invite.hint"),
    email: t("invite.email"),
    name: t("invite.name"),
    role: t("invite.role"),
    language: t("invite.language"),
    submit: t("invite.submit"),
    sending: t("invite.sending"),
    roles: Object.fromEntries(staffRoles.map((r) => [r, tRoles(r)])) as InviteFormText["roles"],
    languages: { de: tLanguages("de"), en: tLanguages("en") },
    errors: Object.fromEntries(errorCodes.map((code) => [code, t(`errors.${code}`)])),
  };
  return (
    <div className="container section">
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      {notice ? (
        <div className="notice" role="status" data-testid="staff-notice">
          <p>{t(`notices.${notice}`)}</p>
        </div>
      ) : null}
      {refusal ? (
        <div className="callout callout--warning" role="alert" data-testid="staff-error">
          <p>{t(`errors.${refusal}`)}</p>
        </div>
      ) : null}
      <dl className="staff-roles meta-list">
        {staffRoles.map((role) => (
          <div key={role}>
            <dt>{tRoles(role)}</dt>
            <dd>{t(`roleHelp.${role}`)}</dd>
          </div>
        ))}
      </dl>
      <InviteForm locale={locale} text={inviteText} />
      <StaffTable locale={locale} rows={rows} viewerId={viewer.actor.userId} />
    </div>
  );
}

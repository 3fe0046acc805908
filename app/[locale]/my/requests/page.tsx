import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { signOut, signOutEverywhere } from "@/app/[locale]/sign-in/actions";
import { portalFormat } from "@/lib/format/portal-format";
import { isLocale } from "@/lib/i18n/locales";
import { isClosed } from "@/lib/requests/workflow/states";
import { listMyRequests } from "@/lib/requests/my-requests";
import { Reference } from "@/components/ui/reference";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/[locale]/my/requests">): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "myRequests" });
  return { title: t("metaTitle"), robots: { index: false } };
}

export default async function MyRequestsPage({ params, searchParams }: PageProps<"/[locale]/my/requests">) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const mine = await listMyRequests();
  if (!mine) redirect(`/${locale}/sign-in?${new URLSearchParams({ callbackUrl: `/${locale}/my/requests` })}`);
  const [t, tAuth, tHome, format] = await Promise.all([
    getTranslations("myRequests"),
    getTranslations("signIn"),
    getTranslations("home"),
    portalFormat(locale),
  ]);
  return (
    <div className="container section">
      <h1>{t("title")}</h1>
      <div className="signed-in">
        <span>{tAuth("signedInAs", { email: mine.email })}</span>
        <form action={signOut}>
          <input type="hidden" name="locale" value={locale} />
          <button type="submit" className="button button--secondary">
            {tAuth("signOut")}
          </button>
        </form>
        {/* A session on another device (a shared computer, a lost phone) ends here too. */}
        <form action={signOutEverywhere}>
          <input type="hidden" name="locale" value={locale} />
          <button type="submit" className="button button--secondary">
            {tAuth("signOutEverywhere")}
          </button>
        </form>
      </div>
      {(await searchParams).notice === "withdrawn_unconfirmed" ? (
        <div className="notice" role="status" data-testid="list-notice">
          <p>{t("withdrawnUnconfirmed")}</p>
        </div>
      ) : null}
      <p className="section__intro">{t("intro")}</p>
      {mine.requests.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--stacked" data-testid="my-requests">
            <caption className="visually-hidden">{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("reference")}</th>
                <th scope="col">{t("type")}</th>
                <th scope="col">{t("status")}</th>
                <th scope="col">{t("submitted")}</th>
                <th scope="col">{t("due")}</th>
              </tr>
            </thead>
            <tbody>
              {mine.requests.map((request) => (
                <tr key={request.reference}>
                  <th scope="row">
                    <Link href={`/${locale}/my/requests/${request.reference}`}>
                      <Reference reference={request.reference} />
                    </Link>
                  </th>
                  <td data-label={t("type")}>
                    {tHome(`rights.${request.type}.title` as "rights.access.title")} (
                    {tHome(`rights.${request.type}.article` as "rights.access.article")})
                  </td>
                  <td data-label={t("status")}>{t(`statuses.${request.status}` as "statuses.received")}</td>
                  <td data-label={t("submitted")}>{format.date(request.submittedAt)}</td>
                  <td data-label={t("due")}>
                    {isClosed(request.status)
                      ? t("dueClosed")
                      : request.dueDate
                        ? format.day(request.dueDate)
                        : t("dueAfterConfirmation")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

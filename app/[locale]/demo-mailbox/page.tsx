import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { portalFormat } from "@/lib/format/portal-format";
import { isLocale } from "@/lib/i18n/locales";
import { isMinimisedAddress } from "@/lib/requests/minimised-address";
import { listDemoMails } from "@/lib/mail/demo-mailbox";
import { WithReferences } from "@/components/ui/reference";

export const dynamic = "force-dynamic";

export default async function DemoMailboxPage({ params }: PageProps<"/[locale]/demo-mailbox">) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const mails = await listDemoMails();
  if (!mails) notFound();
  const t = await getTranslations("mailbox");
  const format = portalFormat(locale);
  return (
    <div className="container section">
      <h1>{t("title")}</h1>
      <p className="section__intro">{t("intro")}</p>
      {mails.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        // On a phone each mail is a block of its own (.table--stacked), so status and date stay on the screen.
        <div className="table-wrap">
          <table className="table table--stacked" data-testid="mailbox">
            <thead>
              <tr>
                <th scope="col">{t("subject")}</th>
                <th scope="col">{t("to")}</th>
                <th scope="col">{t("status")}</th>
                <th scope="col">{t("created")}</th>
              </tr>
            </thead>
            <tbody>
              {mails.map((mail) => (
                <tr key={mail.id}>
                  <th scope="row">
                    <Link href={`/${locale}/demo-mailbox/${mail.id}`}>
                      <WithReferences text={mail.subject ?? t("pendingSubject")} />
                    </Link>
                  </th>
                  <td data-label={t("to")}>
                    {isMinimisedAddress(mail.toAddress) ? t("erasedAddress") : mail.toAddress}
                  </td>
                  <td data-label={t("status")}>
                    <span className={`badge badge--${mail.status}`}>{t(`statuses.${mail.status}`)}</span>
                  </td>
                  <td data-label={t("created")}>
                    <time dateTime={mail.createdAt.toISOString()}>{format.dateTime(mail.createdAt)}</time>
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

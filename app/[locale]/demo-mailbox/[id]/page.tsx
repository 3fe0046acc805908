import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { portalFormat } from "@/lib/format/portal-format";
import { isLocale } from "@/lib/i18n/locales";
import { isMinimisedAddress } from "@/lib/requests/minimised-address";
import { findDemoMail } from "@/lib/mail/demo-mailbox";
import { WithReferences } from "@/components/ui/reference";

export const dynamic = "force-dynamic";

const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/g;

/** Mails whose content is erased once their link is used or expired (lib/mail/outbox/erase-link-mails.ts). */
const LINK_TEMPLATES = ["sign_in_link", "confirm_request"];

/** The plain-text part with its links made clickable, as a mail client does. */
function LinkedText({ text }: { text: string }) {
  return (
    <pre className="mail-text">
      {text.split(URL_PATTERN).map((part, index) =>
        index % 2 === 1 ? (
          <a key={index} href={part}>
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </pre>
  );
}

export default async function DemoMailPage({ params }: PageProps<"/[locale]/demo-mailbox/[id]">) {
  const { locale, id } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const mail = await findDemoMail(id);
  if (!mail) notFound();
  const t = await getTranslations("mailbox");
  const format = portalFormat(locale);
  return (
    <div className="container container--narrow section">
      <p>
        <Link href={`/${locale}/demo-mailbox`}>← {t("back")}</Link>
      </p>
      <h1>
        <WithReferences text={mail.subject ?? t("pendingSubject")} />
      </h1>
      <dl className="meta-list">
        <dt>{t("to")}</dt>
        <dd>{isMinimisedAddress(mail.toAddress) ? t("erasedAddress") : mail.toAddress}</dd>
        <dt>{t("status")}</dt>
        <dd>{t(`statuses.${mail.status}`)}</dd>
        <dt>{t("created")}</dt>
        <dd>
          <time dateTime={mail.createdAt.toISOString()}>{format.dateTime(mail.createdAt)}</time>
        </dd>
        {mail.lastError ? (
          <>
            <dt>{t("error")}</dt>
            <dd>{mail.lastError}</dd>
          </>
        ) : null}
      </dl>
      {mail.text ? <LinkedText text={mail.text} /> : null}
      {!mail.text && mail.status === "sent" && LINK_TEMPLATES.includes(mail.template) ? (
        <p className="notice" data-testid="mail-erased">
          {t("erased")}
        </p>
      ) : null}
      {mail.html ? (
        <p>
          <a href={`/api/demo-mailbox/${mail.id}/html`}>{t("htmlVersion")}</a>
        </p>
      ) : null}
    </div>
  );
}

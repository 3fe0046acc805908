import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { demoMailboxEnabled } from "@/lib/mail/demo-mailbox";

/**
 * In the demo (no SMTP server), where the mail just sent can be read; nothing anywhere else. After a
 * sign-in link (`staff`), also where the demo staff's second code comes from.
 */
export async function DemoMailboxHint({ locale, staff = false }: { locale: "de" | "en"; staff?: boolean }) {
  if (!demoMailboxEnabled()) return null;
  const t = await getTranslations("mailbox");
  const staffText = staff ? await getTranslations({ locale, namespace: "backofficeSecondFactor" }) : null;
  return (
    <div className="callout" data-testid="demo-mailbox-hint">
      <p>{t("checkEmailText")}</p>
      {staffText ? (
        <p data-testid="demo-staff-hint">
          {staffText.rich("demoBanner", { command: (chunks) => <code>{chunks}</code> })}
        </p>
      ) : null}
      <p>
        <Link className="button" href={`/${locale}/demo-mailbox`}>
          {t("checkEmailLink")}
        </Link>
      </p>
    </div>
  );
}

import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { demoMailboxEnabled } from "@/lib/mail/demo-mailbox";

/** In the demo (no SMTP server), where the mail just sent can be read; nothing anywhere else. */
export async function DemoMailboxHint({ locale }: { locale: "de" | "en" }) {
  if (!demoMailboxEnabled()) return null;
  const t = await getTranslations("mailbox");
  return (
    <div className="callout" data-testid="demo-mailbox-hint">
      <p>{t("checkEmailText")}</p>
      <p>
        <Link className="button" href={`/${locale}/demo-mailbox`}>
          {t("checkEmailLink")}
        </Link>
      </p>
    </div>
  );
}

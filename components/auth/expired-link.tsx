import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** A sign-in link that was used already or ran out: says so, and offers a new one. */
export async function ExpiredLink({ locale, hours }: { locale: "de" | "en"; hours: number }) {
  const t = await getTranslations("signIn");
  return (
    <div className="container container--narrow section">
      <h1>{t("expiredTitle")}</h1>
      <p className="section__intro">{t("expiredText", { hours })}</p>
      <p className="button-row">
        <Link href={`/${locale}/sign-in`} className="button">
          {t("again")}
        </Link>
      </p>
    </div>
  );
}

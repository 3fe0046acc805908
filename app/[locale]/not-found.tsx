import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  const locale = await getLocale();
  return (
    <div className="container container--narrow section">
      <h1>{t("title")}</h1>
      <p>{t("text")}</p>
      <p>
        <Link className="button" href={`/${locale}`}>
          {t("back")}
        </Link>
      </p>
    </div>
  );
}

import { getTranslations } from "next-intl/server";

/** First focusable element of every page (WCAG 2.4.1 Bypass Blocks). */
export async function SkipLink() {
  const t = await getTranslations("layout");
  return (
    <a className="skip-link" href="#main-content">
      {t("skipToContent")}
    </a>
  );
}

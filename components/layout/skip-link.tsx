import { getTranslations } from "next-intl/server";
import { MAIN_CONTENT_ID } from "./main-content";

/** First focusable element of every page (WCAG 2.4.1 Bypass Blocks). */
export async function SkipLink() {
  const t = await getTranslations("layout");
  return (
    <a className="skip-link" href={`#${MAIN_CONTENT_ID}`}>
      {t("skipToContent")}
    </a>
  );
}

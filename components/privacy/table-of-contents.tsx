import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import type { OutlineItem } from "@/lib/privacy/statement/outline";

/** The statement's sections; plain anchor links, so it works without JavaScript and in print. */
export async function TableOfContents({ items, locale }: { items: OutlineItem[]; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "privacy" });
  return (
    <nav className="toc" aria-labelledby="toc-title" data-testid="toc">
      <h2 id="toc-title" className="toc__title">
        {t("toc")}
      </h2>
      <ol className="toc__list">
        {items.map((item) => (
          <li key={item.id}>
            <a href={`#${item.id}`}>{item.title}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

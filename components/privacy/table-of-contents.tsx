import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import type { OutlineItem } from "@/lib/privacy/statement/outline";

/**
 * The statement's sections; plain anchor links, so it works without JavaScript and in print.
 * Each number is an element of its own that never wraps (a CSS counter beside a shrinking
 * title broke as "10 / ."); the list's numbering already tells screen readers, so it is hidden from them.
 */
export async function TableOfContents({ items, locale }: { items: OutlineItem[]; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "privacy" });
  return (
    <nav className="toc" aria-labelledby="toc-title" data-testid="toc">
      <h2 id="toc-title" className="toc__title">
        {t("toc")}
      </h2>
      <ol className="toc__list">
        {items.map((item, index) => (
          <li key={item.id}>
            <a href={`#${item.id}`}>
              <span className="toc__number" aria-hidden="true">
                {index + 1}.
              </span>
              <span className="toc__text">{item.title}</span>
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

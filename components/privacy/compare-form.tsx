import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { statementVersions } from "@/lib/privacy";
import { formatDay } from "@/lib/format";

/** A plain GET form: choosing two versions and comparing them needs no JavaScript. */
export async function CompareForm({ locale, from, to }: { locale: Locale; from: string; to: string }) {
  const t = await getTranslations({ locale, namespace: "versions" });
  const versions = [...statementVersions()].reverse();
  const options = versions.map((v) => (
    <option key={v.id} value={v.id}>
      {t("option", { id: v.id, date: formatDay(v.effective, locale) })}
    </option>
  ));
  return (
    <form className="compare-form" method="get" action={`/${locale}/privacy/versions#changes-title`}>
      <div className="field">
        <label htmlFor="compare-from">{t("from")}</label>
        <select id="compare-from" name="from" defaultValue={from}>
          {options}
        </select>
      </div>
      <div className="field">
        <label htmlFor="compare-to">{t("to")}</label>
        <select id="compare-to" name="to" defaultValue={to}>
          {options}
        </select>
      </div>
      <button type="submit" className="button">
        {t("submit")}
      </button>
    </form>
  );
}

import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { requestFormPath } from "@/lib/privacy/statement/to-hast";
import type { RequestType } from "@/lib/requests/request-types";

/** Links to the request forms that apply to one processing activity. */
export async function RequestLinks({ types, locale }: { types: readonly RequestType[]; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "register.requestAction" });
  return (
    <ul className="action-list">
      {types.map((type) => (
        <li key={type}>
          <a className="request-link" href={requestFormPath(locale, type)} data-request-type={type}>
            {t(type)}
          </a>
        </li>
      ))}
    </ul>
  );
}

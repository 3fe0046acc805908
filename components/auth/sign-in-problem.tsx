import Link from "next/link";
import { getTranslations } from "next-intl/server";

/**
 * A sign-in that cannot go on: a link used already or run out (`expired`), or another failure. Says
 * so, and offers a new link.
 */
export async function SignInProblem({
  locale,
  hours,
  kind,
}: {
  locale: "de" | "en";
  hours: number;
  kind: "expired" | "error";
}) {
  const t = await getTranslations("signIn");
  return (
    <div className="container container--narrow section">
      <h1>{kind === "expired" ? t("expiredTitle") : t("errorTitle")}</h1>
      <p className="section__intro">{kind === "expired" ? t("expiredText", { hours }) : t("errorText")}</p>
      <p className="button-row">
        <Link href={`/${locale}/sign-in`} className="button">
          {t("again")}
        </Link>
      </p>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { appConfig } from "@/lib/config/app-config";
import { isLocale } from "@/lib/i18n/locales";
import { inspectConfirmationLink } from "@/lib/requests/confirm-by-link";
import { confirmWithLink } from "./actions";
import { WithReferences } from "@/components/ui/reference";

export const dynamic = "force-dynamic";

export async function generateMetadata({
  params,
}: PageProps<"/[locale]/requests/confirm/[reference]">): Promise<Metadata> {
  const { locale, reference } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "requests" });
  return { title: t("confirmLinkTitle", { reference }), robots: { index: false } };
}

/**
 * Where a confirmation mail's link leads. Opening it (as mail scanners do) only says what will
 * happen; the button confirms the request and signs in (a POST).
 */
export default async function ConfirmRequestPage({
  params,
  searchParams,
}: PageProps<"/[locale]/requests/confirm/[reference]">) {
  const { locale, reference } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations("requests");
  const { code, token } = await searchParams;
  const link = await inspectConfirmationLink({ reference, code, token });
  if (!link.usable) {
    const casePath = `/${locale}/my/requests/${encodeURIComponent(reference)}`;
    return (
      <div className="container container--narrow section">
        <h1>{t("confirmLinkUnusableTitle")}</h1>
        <p className="section__intro">{t("confirmLinkUnusableText", { hours: appConfig().magicLinkMaxAgeHours })}</p>
        <p className="button-row">
          <Link href={`/${locale}/sign-in?${new URLSearchParams({ callbackUrl: casePath })}`} className="button">
            {t("confirmLinkSignIn")}
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="container container--narrow section">
      <h1>
        <WithReferences text={t("confirmLinkTitle", { reference })} />
      </h1>
      <p className="section__intro">{t("confirmLinkText", { email: link.maskedEmail })}</p>
      <form action={confirmWithLink} className="form-card" data-testid="link-form">
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="reference" value={reference} />
        <input type="hidden" name="code" value={String(code)} />
        <input type="hidden" name="token" value={String(token)} />
        <button type="submit" className="button">
          {t("confirmLinkSubmit")}
        </button>
      </form>
      <p className="field__hint">{t("confirmLinkWhy")}</p>
    </div>
  );
}

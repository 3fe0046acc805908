// The confirmation step before a withdrawal: what withdrawing means, in plain words,
// and the choice. A page of its own, so that it works without JavaScript.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { WithdrawForm } from "@/components/my-requests/withdraw-form";
import { WithReferences } from "@/components/ui/reference";
import { isLocale } from "@/lib/i18n/locales";
import { findMyRequest } from "@/lib/requests/my-request";
import { isClosed } from "@/lib/requests/workflow/states";

export const dynamic = "force-dynamic";

export async function generateMetadata({
  params,
}: PageProps<"/[locale]/my/requests/[reference]/withdraw">): Promise<Metadata> {
  const { locale, reference } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "caseWithdraw" });
  return { title: t("metaTitle", { reference }), robots: { index: false } };
}

export default async function WithdrawPage({ params }: PageProps<"/[locale]/my/requests/[reference]/withdraw">) {
  const { locale, reference } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const result = await findMyRequest(reference);
  const here = `/${locale}/my/requests/${encodeURIComponent(reference)}`;
  if (!result.signedIn) redirect(`/${locale}/sign-in?${new URLSearchParams({ callbackUrl: `${here}/withdraw` })}`);
  const request = result.request;
  if (!request) notFound();
  const t = await getTranslations("caseWithdraw");
  const points = t.raw("points") as string[];

  return (
    <div className="container container--narrow section">
      <p>
        <Link href={here}>← {t("keep")}</Link>
      </p>
      <h1>
        <WithReferences text={t("title", { type: request.type, reference: request.reference })} />
      </h1>
      {isClosed(request.status) ? (
        <p data-testid="withdraw-closed">{t("closed")}</p>
      ) : (
        <>
          <p>{t("what")}</p>
          <ul>
            {points.map((point) => (
              <li key={point}>{point}</li>
            ))}
          </ul>
          <p className="callout">{t("consent")}</p>
          <WithdrawForm locale={locale} reference={request.reference} />
        </>
      )}
    </div>
  );
}

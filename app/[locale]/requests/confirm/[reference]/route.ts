// Where the confirmation mail's link lands once next-auth has signed the person in: confirm the
// request, then show its case page. A GET because it is the end of a link in a mail; the link's
// single-use token, checked by next-auth just before, is what protects it.
import { NextResponse, type NextRequest } from "next/server";
import { appConfig } from "@/lib/config/app-config";
import { isLocale } from "@/lib/i18n/locales";
import { confirmMyRequest } from "@/lib/requests/confirm-my-request";
import { clientContext } from "@/lib/security/client-context";

export const dynamic = "force-dynamic";

export async function GET(_request: NextRequest, { params }: RouteContext<"/[locale]/requests/confirm/[reference]">) {
  const { locale: raw, reference } = await params;
  const locale = isLocale(raw) ? raw : "de";
  const base = appConfig().publicUrl;
  const casePath = `/${locale}/my/requests/${encodeURIComponent(reference)}`;
  const result = await confirmMyRequest(reference, await clientContext());
  switch (result.kind) {
    case "signed_out":
      return NextResponse.redirect(
        `${base}/${locale}/sign-in?${new URLSearchParams({ callbackUrl: `/${locale}/requests/confirm/${reference}` })}`,
        303,
      );
    case "confirmed":
      return NextResponse.redirect(`${base}${casePath}?notice=confirmed`, 303);
    case "unchanged":
    case "not_found":
      // The case page answers "not found" itself, the same way as for any reference.
      return NextResponse.redirect(`${base}${casePath}`, 303);
  }
}

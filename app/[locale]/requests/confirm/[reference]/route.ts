// Where the confirmation mail's link lands once next-auth has signed the person in: confirm the
// request, then show its case page. A GET because it is the end of a link in a mail; the code only
// the mail carries (confirmation-link.ts) keeps other sites from confirming by sending people here.
import { NextResponse, type NextRequest } from "next/server";
import { appConfig } from "@/lib/config/app-config";
import { isLocale } from "@/lib/i18n/locales";
import { confirmMyRequest } from "@/lib/requests/confirm-my-request";
import { clientContext } from "@/lib/security/client-context";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest, { params }: RouteContext<"/[locale]/requests/confirm/[reference]">) {
  const { locale: raw, reference } = await params;
  const locale = isLocale(raw) ? raw : "de";
  const base = appConfig().publicUrl;
  const casePath = `/${locale}/my/requests/${encodeURIComponent(reference)}`;
  const code = request.nextUrl.searchParams.get("code");
  const result = await confirmMyRequest(reference, await clientContext(), { via: "mail", code });
  switch (result.kind) {
    case "signed_out":
      return NextResponse.redirect(
        `${base}/${locale}/sign-in?${new URLSearchParams({ callbackUrl: `/${locale}/my/requests/${reference}` })}`,
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

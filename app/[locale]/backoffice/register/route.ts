// The request register as CSV (Art. 5(2) accountability), for the queue's "Download register" form.
// A POST, since the export is recorded on the audit chain (a GET never changes state).
import { exportRegister } from "@/lib/backoffice/register/export-register";
import { isLocale } from "@/lib/i18n/locales";
import { clientContext } from "@/lib/security/client-context";

export const dynamic = "force-dynamic";

export async function POST(
  request: Request,
  { params }: RouteContext<"/[locale]/backoffice/register">,
): Promise<Response> {
  const { locale } = await params;
  if (!isLocale(locale)) return new Response("Not found", { status: 404 });
  let view = "";
  try {
    const form = await request.formData();
    const value = form.get("view");
    view = typeof value === "string" ? value.slice(0, 4_096) : "";
  } catch {
    return new Response("Send the register form.", {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  return exportRegister(locale, view, await clientContext());
}

// The HTML part of a demo mail, as the recipient's mail client would show it
// (proxy.ts serves it under a sandboxing CSP).
import { findDemoMail } from "@/lib/mail/demo-mailbox";

export const dynamic = "force-dynamic";

export async function GET(
  _request: Request,
  { params }: RouteContext<"/api/demo-mailbox/[id]/html">,
): Promise<Response> {
  const { id } = await params;
  const mail = await findDemoMail(id);
  if (!mail?.html) return new Response("Not found", { status: 404 });
  return new Response(mail.html, {
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}

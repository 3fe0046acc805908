// Download of one attachment, for its data subject and for staff (lib/attachments/open-attachment.ts
// decides). Someone else's id and an id that does not exist get the same 404, byte for byte.
// Signed out: 401 for every id, before any lookup, so it says nothing about the id either. Staff
// without a recent second factor go to the TOTP page (303), then back to the case file.
import { z } from "zod";
import { attachmentDisposition } from "@/lib/attachments/content-disposition";
import { openAttachment } from "@/lib/attachments/open-attachment";
import { secondFactorPath } from "@/lib/backoffice/access/staff-gate";
import { downloadPolicy } from "@/lib/security/csp";

export const dynamic = "force-dynamic";

const attachmentId = z.string().regex(/^[a-z0-9]{1,64}$/);
const noStore = { "Cache-Control": "private, no-store", "Content-Type": "text/plain; charset=utf-8" };

export async function GET(_request: Request, { params }: RouteContext<"/api/attachments/[id]">): Promise<Response> {
  const { id } = await params;
  const result = attachmentId.safeParse(id).success ? await openAttachment(id) : { status: "not_found" as const };
  switch (result.status) {
    case "signed_out":
      return new Response("Sign in to open attachments.", { status: 401, headers: noStore });
    case "not_found":
      return new Response("Not found", { status: 404, headers: noStore });
    case "second_factor": {
      // Staff: a code from the last 15 minutes first (issue 13), then back to the case file.
      const next = result.reference
        ? `/${result.locale}/backoffice/requests/${encodeURIComponent(result.reference)}`
        : `/${result.locale}/backoffice`;
      return new Response(null, {
        status: 303,
        headers: { "Cache-Control": "private, no-store", Location: secondFactorPath(result.locale, next, "fresh") },
      });
    }
    case "unavailable":
      return new Response("This file cannot be opened. Please contact the data protection team.", {
        status: 500,
        headers: noStore,
      });
    case "ok":
      return new Response(new Uint8Array(result.bytes), {
        headers: {
          "Content-Type": result.contentType,
          "Content-Length": String(result.bytes.length),
          "Content-Disposition": attachmentDisposition(result.fileName),
          "X-Content-Type-Options": "nosniff",
          "Cache-Control": "private, no-store",
          "Content-Security-Policy": downloadPolicy,
        },
      });
  }
}

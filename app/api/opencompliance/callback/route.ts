// The processors' status callbacks (OpenCompliance v1 / OpenDSR 2.0, sections 8.5-8.8). Machine to machine:
// no session, no CSRF token; the processor's signature over the raw body is the admission, checked in lib
// before anything parses the body. Answers 202, 400, 403 (nothing changed), 413 or 503; POST only.
import { appConfig } from "@/lib/config/app-config";
import { db } from "@/lib/db/client";
import { MAX_CALLBACK_BYTES, receiveProcessorCallback } from "@/lib/fulfilment/opencompliance/processor-callback";
import { processorCallbackUrl } from "@/lib/fulfilment/opencompliance/processor-request";
import { readLimitedBody } from "@/lib/fulfilment/opencompliance/read-limited-body";

export const dynamic = "force-dynamic";

const headers = { "Cache-Control": "no-store" };

export async function POST(request: Request): Promise<Response> {
  const body = await readLimitedBody(request, MAX_CALLBACK_BYTES);
  if (body === "too_large") return Response.json({ error: "too_large" }, { status: 413, headers });
  const answer = await receiveProcessorCallback(db(), body, request.headers, {
    callbackUrl: processorCallbackUrl(appConfig().publicUrl),
  });
  return Response.json(answer.status === 202 ? { status: answer.code } : { error: answer.code }, {
    status: answer.status,
    headers,
  });
}

// The intake lane in front of Next.js (lib/intake-lane/): request forms posted without JavaScript by
// someone not signed in are filed here; every other request, and every post the lane does not answer
// itself, goes on to Next.js unchanged (the gate's copy of the request still holds the whole body).
import type { ServerResponse } from "node:http";
import { appConfig } from "../../lib/config/app-config";
import { laneTarget } from "../../lib/intake-lane/lane-target";
import { sessionCookie } from "../../lib/auth/sessions/session-cookie";
import type { Admitted } from "../../lib/request-gate/admit-request";
import { clientContextOf } from "../../lib/security/client-address";
import { securityHeaders } from "../../lib/security/csp";

type Handler = (request: Admitted["request"], response: ServerResponse) => unknown;

/** Loaded on first use (and warmed by warmIntakeLane): the filing brings Prisma and the mail templates. */
const loadLane = () => import("../../lib/intake-lane/file-by-lane");

export function warmIntakeLane(): void {
  void loadLane();
}

export function withIntakeLane(handle: Handler): (admitted: Admitted, response: ServerResponse) => Promise<unknown> {
  const config = appConfig();
  const sessionCookieName = sessionCookie(config.publicUrl).name;
  const hsts = config.env.PORTAL_MODE === "production";
  return async ({ request, form }, response) => {
    const target = laneTarget(
      { method: request.method ?? "GET", url: request.url ?? "/", headers: request.headers },
      form,
      sessionCookieName,
    );
    if (!target || !form) return handle(request, response);
    const { fileByLane } = await loadLane();
    const answer = await fileByLane(
      target,
      form,
      clientContextOf((name) => [request.headers[name] ?? []].flat()[0]),
    );
    if (answer.kind === "to_next") return handle(request, response);
    response.writeHead(303, {
      ...securityHeaders({ hsts }),
      Location: answer.location,
      ...(answer.setCookie ? { "Set-Cookie": answer.setCookie } : {}),
      // As Next.js answers a server action: personal, never stored by anyone.
      "Cache-Control": "private, no-cache, no-store, max-age=0, must-revalidate",
      "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
      "Content-Length": "0",
    });
    response.end();
  };
}

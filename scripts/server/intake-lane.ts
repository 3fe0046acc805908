// The intake lane in front of Next.js (lib/intake-lane/): request forms posted by someone not signed in
// are filed here, answered with a redirect (a plain form post) or with JSON (the form's own script, which
// asks for it); every other request, and every plain post the lane does not answer itself, goes on to
// Next.js unchanged (the gate's copy of the request still holds the whole body).
import type { ServerResponse } from "node:http";
import { sessionCookie } from "../../lib/auth/sessions/session-cookie";
import { appConfig } from "../../lib/config/app-config";
import { wantsLaneReply, type LaneReply } from "../../lib/intake-lane/lane-reply";
import { laneTarget } from "../../lib/intake-lane/lane-target";
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
    const post = { method: request.method ?? "GET", url: request.url ?? "/", headers: request.headers };
    const target = laneTarget(post, form, sessionCookieName);
    if (!target || !form) return handle(request, response);
    const { fileByLane } = await loadLane();
    const client = clientContextOf((name) => [request.headers[name] ?? []].flat()[0]);
    const answer = await fileByLane(target, form, client);
    // The form's script asked for JSON: it goes where the answer says, or sends the form to the action.
    if (wantsLaneReply(request.headers.accept)) {
      const reply: LaneReply =
        answer.kind === "to_next" ? { kind: "use_action" } : { kind: "filed", location: answer.location };
      const body = JSON.stringify(reply);
      response.writeHead(200, {
        ...personalAnswer(hsts, answer.kind === "see_other" ? answer.setCookie : null),
        "Content-Type": "application/json; charset=utf-8",
        "Content-Length": String(Buffer.byteLength(body)),
      });
      return response.end(body);
    }
    if (answer.kind === "to_next") return handle(request, response);
    response.writeHead(303, {
      ...personalAnswer(hsts, answer.setCookie),
      Location: answer.location,
      "Content-Length": "0",
    });
    response.end();
  };
}

function personalAnswer(hsts: boolean, setCookie: string | null): Record<string, string> {
  return {
    ...securityHeaders({ hsts }),
    ...(setCookie ? { "Set-Cookie": setCookie } : {}),
    // As Next.js answers a server action: personal, never stored by anyone.
    "Cache-Control": "private, no-cache, no-store, max-age=0, must-revalidate",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
  };
}

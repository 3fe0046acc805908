// The intake lane: a request form posted by someone not signed in is filed here, in front of Next.js,
// by the same fileRequest with the same context as the form's server action (lib/requests/intake/), and
// answered as that action answers it: to the check-email page with the filed-request ticket (a 303,
// or for the form's script JSON saying where to go). Only "filed" is answered here. A form with
// mistakes, an abuse limit reached: the form goes to the server action (a plain post is handed on, the
// script sends it again), which files nothing for it either and renders the form with its errors, the
// entered values kept (the page and its messages are Next.js's). Why a lane at all: Next.js spends several
// times the filing's own cost on routing a server action (bench/README.md, intake).
import { appConfig } from "../config/app-config";
import { fileRequest } from "../requests/intake/file-request";
import { filingContext } from "../requests/intake/filing-context";
import type { ClientContext } from "../security/client-address";
import { ticketSetCookie } from "../security/ticket-cookie-shape";
import type { LaneTarget } from "./lane-target";

export type LaneAnswer =
  /** 303 to `location`, setting `setCookie` when there is one. */
  | { kind: "see_other"; location: string; setCookie: string | null }
  /** Not answered here: hand the post on to Next.js. */
  | { kind: "to_next" };

/**
 * Files the form of `target` for a client who is not signed in (laneTarget checked that). Throws only
 * where the server action would (a database down): the caller answers 500 then, as Next.js would.
 */
export async function fileByLane(
  target: LaneTarget,
  form: FormData,
  client: ClientContext,
  now = new Date(),
): Promise<LaneAnswer> {
  const outcome = await fileRequest(target.type, form, { ...filingContext(null, client), now });
  switch (outcome.kind) {
    case "confirm_by_email": {
      const config = appConfig();
      // A robot's post (honeypot) has no request: the same answer, no ticket (as the action does).
      const setCookie = outcome.requestId
        ? ticketSetCookie(
            "filed-request",
            outcome.requestId,
            { publicUrl: config.publicUrl, secret: config.nextauthSecret },
            now,
          )
        : null;
      return { kind: "see_other", location: `/${target.locale}/requests/check-email`, setCookie };
    }
    case "filed":
      // Not reached without a session; answered as the action answers it all the same.
      return {
        kind: "see_other",
        location: `/${target.locale}/my/requests/${outcome.reference}?notice=filed`,
        setCookie: null,
      };
    case "invalid":
    case "limited":
      return { kind: "to_next" };
  }
}

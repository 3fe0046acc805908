// What the intake lane answers the request form when the form itself sent the post with JavaScript
// (it asks with Accept: application/json): where to go once filed, or to send the form to its server
// action, which answers everything else (mistakes, limits, a signed-in subject). Pure: the browser
// parses the answer with the same schema.
import { z } from "zod";

export const LANE_REPLY_TYPE = "application/json";

export const laneReplySchema = z.discriminatedUnion("kind", [
  /** Filed: go to `location` (the check-email page; its ticket cookie came with this answer). */
  z.object({ kind: z.literal("filed"), location: z.string().startsWith("/") }),
  /** Not answered here: send the same form to the server action. */
  z.object({ kind: z.literal("use_action") }),
]);

export type LaneReply = z.infer<typeof laneReplySchema>;

/** Whether a post asks for the lane's answer as LaneReply JSON (the form with JavaScript) rather than a redirect. */
export function wantsLaneReply(accept: string | string[] | undefined): boolean {
  return [accept ?? []]
    .flat()
    .some((value) => value.split(",").some((part) => part.trim().startsWith(LANE_REPLY_TYPE)));
}

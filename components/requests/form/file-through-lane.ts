// Sends the request form, checked in the browser, to the intake lane in front of Next.js
// (lib/intake-lane/): a post to the form's own page asking for JSON. The lane files it and says where
// to go, or says to use the server action (a mistake only the server sees, a limit reached, a
// signed-in subject), which then answers as it does for every form.
import { LANE_REPLY_TYPE, laneReplySchema } from "@/lib/intake-lane/lane-reply";

/**
 * The page to go to once filed, or null when the form should go to its server action instead (also
 * when the lane did not answer: a filing the lane stored always answers, so nothing is filed twice).
 */
export async function fileThroughLane(form: FormData): Promise<string | null> {
  try {
    const response = await fetch(window.location.pathname, {
      method: "POST",
      body: form,
      headers: { Accept: LANE_REPLY_TYPE },
      credentials: "same-origin",
    });
    if (!response.ok) return null;
    const reply = laneReplySchema.safeParse(await response.json());
    return reply.success && reply.data.kind === "filed" ? reply.data.location : null;
  } catch {
    return null;
  }
}

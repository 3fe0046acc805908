// Sends the request form, checked in the browser, to the intake lane in front of Next.js
// (lib/intake-lane/): a post to the form's own page asking for JSON. The lane files it and says where
// to go, or says to use the server action (a mistake only the server sees, a limit reached, a
// signed-in subject), which then answers as it does for every form.
import { LANE_REPLY_TYPE, laneReplySchema } from "@/lib/intake-lane/lane-reply";

/**
 * The page to go to once filed, or null when the form should go to its server action instead: when the
 * lane says so, and also when no answer came (the server failed, or the connection broke). Should a
 * broken connection have lost the answer to a filing that was stored, the action files it a second
 * time: the person still loses nothing, and the two are linked as duplicates at confirmation.
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

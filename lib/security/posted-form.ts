import "server-only";
// The one check every server action makes on what it was called with: browsers call them with the form
// (a plain form post, or React's fetch carrying it), so anything else is a hand-made call.
import { notFound } from "next/navigation";

/**
 * `value` when it is the posted form; otherwise ends the action with 404, like a page that does not
 * exist. 404 because it is the 4xx an action can give (Next.js turns any other throw into 500, and has
 * no 400 for actions); the gate in front of Next.js (lib/request-gate/) answers 400 for every malformed
 * post it can recognise from outside.
 */
export function postedForm(value: unknown): FormData {
  if (value instanceof FormData) return value;
  notFound();
}

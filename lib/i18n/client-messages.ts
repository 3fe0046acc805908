// The messages the browser gets: only the namespaces client components translate with. Every page
// carries its provider's messages in its HTML (as data for hydration), and all of them came to
// ~35 KB per page; the statement, the home page and the register are rendered on the server only.
import type { AbstractIntlMessages } from "next-intl";

/** Top-level namespaces that a "use client" component reads (client-messages.test.ts checks the list). */
export const CLIENT_NAMESPACES = ["layout", "languages", "requests", "signIn", "caseThread", "caseWithdraw"] as const;

/** `messages` with only the namespaces in CLIENT_NAMESPACES. */
export function clientMessages(messages: Record<string, unknown>): AbstractIntlMessages {
  return Object.fromEntries(
    CLIENT_NAMESPACES.filter((n) => n in messages).map((n) => [n, messages[n]]),
  ) as AbstractIntlMessages;
}

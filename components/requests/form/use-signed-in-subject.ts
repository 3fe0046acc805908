import { useEffect, useState } from "react";
import { z } from "zod";

// next-auth's session endpoint as our session callback shapes it (lib/auth/auth-options.ts); staff have a role.
const sessionAnswer = z.object({ user: z.object({ email: z.string(), role: z.string().nullable() }) });

/**
 * The signed-in data subject's address, null when there is none (signed out, staff, no answer), or
 * undefined while the browser is still asking. Asked from the
 * browser because the form's page is the same for everyone (served from the page cache,
 * lib/page-cache/): no one's address is ever in its HTML. Without JavaScript the form keeps its
 * address field, and the server files under the session's address when it is left empty.
 */
export function useSignedInSubject(): string | null | undefined {
  const [email, setEmail] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    let current = true;
    fetch("/api/auth/session", { cache: "no-store", credentials: "same-origin" })
      .then((response) => (response.ok ? response.json() : null))
      .then((answer: unknown) => {
        const parsed = sessionAnswer.safeParse(answer);
        if (current) setEmail(parsed.success && parsed.data.user.role === null ? parsed.data.user.email : null);
      })
      // No answer: the form keeps its address field, which works signed in too.
      .catch(() => current && setEmail(null));
    return () => {
      current = false;
    };
  }, []);
  return email;
}

// The session cookie, named and shaped once for next-auth (which reads it and clears it on its own
// sign-out endpoint) and for our sign-in and sign-out actions, which set and delete it themselves.
// Behind https the name carries the __Secure- prefix, and browsers then accept a cookie under that
// name, a deleting one included, only with the Secure attribute: a deletion without it is ignored
// and the person stays signed in (issue 10). So every write of this cookie goes through here.

export interface SessionCookie {
  name: string;
  options: { httpOnly: true; sameSite: "lax"; path: "/"; secure: boolean };
}

/** next-auth 4's own naming (core/lib/cookie.ts): `__Secure-next-auth.session-token` on https. */
export function sessionCookie(publicUrl: string): SessionCookie {
  const secure = publicUrl.startsWith("https://");
  return {
    name: `${secure ? "__Secure-" : ""}next-auth.session-token`,
    options: { httpOnly: true, sameSite: "lax", path: "/", secure },
  };
}

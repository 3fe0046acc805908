// An email address shown without giving it away: the first character of the local part, then
// "***", then the domain ("a***@example.org"). Enough for people to recognise their own address
// on a page that anyone holding a link may open; nothing more.

/** `a***@example.org`; a string without "@" becomes "***". */
export function maskedAddress(email: string): string {
  const at = email.lastIndexOf("@");
  if (at <= 0) return "***";
  return `${Array.from(email.slice(0, at))[0]}***@${email.slice(at + 1)}`;
}

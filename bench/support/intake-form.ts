// A request form post exactly as a browser without JavaScript sends it (multipart, with React's
// server-action fields from the served page), for the erasure form, with a new address in every post,
// so that every post files a request of its own.
import { hiddenFields } from "../../scripts/test/hidden-fields";
import { validForms } from "../../scripts/test/request-forms";

const BOUNDARY = "----dsrBenchBoundary7MA4YWxkTrZu0gW";
const DIGITS = 12;

export interface IntakeForm {
  path: string;
  headers: Record<string, string>;
  /** The next post's body (a new address each time). */
  next: () => string;
  /** Addresses of this run start with this (to count what landed). */
  prefix: string;
}

export async function intakeForm(portalUrl: string, run: string): Promise<IntakeForm> {
  const path = "/en/requests/new/erasure";
  const html = await (await fetch(`${portalUrl}${path}`)).text();
  const hidden = hiddenFields(html);
  if (!hidden.some(([name]) => name.startsWith("$ACTION"))) throw new Error(`no server action on ${path}`);
  const prefix = `bench-${run}-`;
  const fields = (email: string): [string, string][] => [
    ...hidden,
    ...validForms.erasure,
    ["email", email],
    ["name", "Bench Mark"],
    ["language", "en"],
    ["website", ""],
  ];
  const encode = (pairs: [string, string][]) =>
    pairs
      .map(([name, value]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
      .join("") + `--${BOUNDARY}--\r\n`;
  let counter = 0;
  const next = () => encode(fields(`${prefix}${String(counter++).padStart(DIGITS, "0")}@example.org`));
  return {
    path,
    prefix,
    next,
    headers: {
      "content-type": `multipart/form-data; boundary=${BOUNDARY}`,
      origin: portalUrl,
      accept: "text/html",
    },
  };
}

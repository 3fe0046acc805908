// A request's reference (DSR-2026-000123) is one word: people read it out, type it and
// search for it, so it never breaks at its hyphens (`.reference` in globals.css).
import { Fragment } from "react";
import { REFERENCE_IN_TEXT } from "@/lib/requests/reference-pattern";

/** One reference, kept on one line. */
export function Reference({ reference }: { reference: string }) {
  return <span className="reference">{reference}</span>;
}

/** A text (a translated title, a mail's subject) with every reference in it kept on one line. */
export function WithReferences({ text }: { text: string }) {
  // split with a capturing group puts the references at the odd indexes.
  return text
    .split(REFERENCE_IN_TEXT)
    .map((part, index) =>
      index % 2 === 1 ? <Reference key={index} reference={part} /> : <Fragment key={index}>{part}</Fragment>,
    );
}

import { notFound } from "next/navigation";

// Unknown paths below a locale get the localised not-found page instead of Next's bare default.
export default function CatchAll(): never {
  notFound();
}

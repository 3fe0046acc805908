// Prints the back office's authorisation table (lib/backoffice/access/surface.ts) as Markdown, the
// way ARCHITECTURE.md carries it: `npm run -s authorisation:table`.
import { authorisationTable } from "../lib/backoffice/access/surface";

console.log(authorisationTable());

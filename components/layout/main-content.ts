// The id of <main>, the skip link's target. Not a section of any page, so the language switch does not carry it.
export const MAIN_CONTENT_ID = "main-content";

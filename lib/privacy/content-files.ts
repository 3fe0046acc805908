// Where each part of the content model lives, relative to the content folder. The content check
// names these paths in its messages, so an editor knows which file to open.
export const contentFiles = {
  controller: "controller.ts",
  dataCategories: "data-categories.ts",
  recipients: "recipients.ts",
  register: "register.ts",
  versions: "versions.ts",
} as const;

export type ContentFileKey = keyof typeof contentFiles;

/** content/statements/<version id>/<locale>.md */
export const STATEMENTS_DIR = "statements";

export function statementFile(versionId: string, locale: string): string {
  return `${STATEMENTS_DIR}/${versionId}/${locale}.md`;
}

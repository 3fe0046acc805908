// The directives a statement may use. Each one is filled from the content model, so facts such as
// addresses and the register are written once and never copied into prose.
export const leafDirectives = {
  /** The controller's name, address and contact (content/controller.ts). */
  controller: [],
  /** The data protection officer. */
  dpo: [],
  /** The authority for complaints (Art. 77). */
  "supervisory-authority": [],
  /** A table of every processing activity of the version's register. */
  "register-overview": [],
  /** One register entry in full: ::processing{id="registration"}. */
  processing: ["id"],
} as const satisfies Record<string, readonly string[]>;

export type LeafDirectiveName = keyof typeof leafDirectives;

/** :::notice … ::: sets a passage apart, as Art. 21(4) asks for the right to object. */
export const containerDirectives = ["notice"] as const;

/** Links to a request form are written [Text](request:access) and point to /{locale}/requests/new/access. */
export const REQUEST_LINK_PREFIX = "request:";

export function isLeafDirectiveName(name: string): name is LeafDirectiveName {
  return Object.hasOwn(leafDirectives, name);
}

// A notice to the data subject whose words the DPO may edit (issue 13). Its shipped words are its
// default text, written once here with {{placeholder}}s; the mail renders the current text (edited
// or default) through the one layout, so HTML and text part stay escaped and alike. Adding a notice
// is one entry: a schema, its default text in both languages, its placeholders' values, and the
// placeholders that carry a part the law requires (which no edit may drop).
import { z } from "zod";
import { formatDay } from "../../format";
import { requestTypeSchema, senderSchema, type Bilingual, type MailLanguage } from "./common";
import { defineTemplate, type MailTemplate } from "./define-template";
import { ActionLink, MailLayout, Paragraph, Quoted } from "./layout";
import { fillPlaceholders, paragraphsOf, solePlaceholder, type NoticeText } from "./notice-text";
import { requestTypeLabel } from "./request-type-label";

/** The variables every notice carries: the sender, the reference, and (for the placeholders) type and name. */
export const noticeBase = {
  sender: senderSchema,
  reference: z.string(),
  /** The request's type: picks a type's own text and fills {{requestType}}. Optional: rows queued before. */
  type: requestTypeSchema.optional(),
  subjectName: z.string().optional(),
};
type BaseVars = z.infer<z.ZodObject<typeof noticeBase>>;

/** Placeholders every notice offers, filled from the request and the controller's settings. */
export const commonPlaceholders = [
  "reference",
  "requestType",
  "subjectName",
  "controllerName",
  "dpoEmail",
  "portalUrl",
] as const;

function commonValues(v: BaseVars, language: MailLanguage): Record<(typeof commonPlaceholders)[number], string> {
  return {
    reference: v.reference,
    requestType: v.type ? requestTypeLabel(v.type, language) : "",
    subjectName: v.subjectName ?? "",
    controllerName: v.sender.controllerName,
    dpoEmail: v.sender.dpoEmail,
    portalUrl: v.sender.portalUrl,
  };
}

/** A part the law requires a notice to carry, and the placeholder that carries it. */
export interface RequiredPart {
  placeholder: string;
  /** Key of the part's name in the editor's messages ("parts.<key>"), which names its article. */
  part: string;
}

export interface NoticeDefinition {
  /** The shipped words, per language. */
  defaults: Bilingual<NoticeText>;
  /** The notice's own placeholders (besides commonPlaceholders); `quoted`: shown as a quoted block when alone in a paragraph. */
  placeholders: Readonly<Record<string, { quoted?: true }>>;
  required: readonly RequiredPart[];
}

/** Formats a YYYY-MM-DD day as the mail's language writes it ("" stays ""). */
export const day = (isoDay: string, language: MailLanguage) => (isoDay ? formatDay(isoDay, language) : "");

/**
 * A notice template: `values` fills its own placeholders from the variables (strings; "" drops a
 * paragraph that holds nothing else); `link` is the mail's one action, after the body.
 */
export function defineNotice<Shape extends z.ZodRawShape>(definition: {
  schema: z.ZodObject<Shape>;
  defaults: Bilingual<NoticeText>;
  placeholders: Readonly<Record<string, { quoted?: true }>>;
  required?: readonly RequiredPart[];
  values: (v: z.output<z.ZodObject<Shape>> & BaseVars, language: MailLanguage) => Record<string, string>;
  link?: (v: z.output<z.ZodObject<Shape>> & BaseVars, language: MailLanguage) => { href: string; label: string };
}): MailTemplate<z.ZodObject<Shape>> {
  type Vars = z.output<z.ZodObject<Shape>> & BaseVars;
  const notice: NoticeDefinition = {
    defaults: definition.defaults,
    placeholders: definition.placeholders,
    required: definition.required ?? [],
  };
  const valuesOf = (v: Vars, l: MailLanguage) => ({ ...commonValues(v, l), ...definition.values(v, l) });
  const subject = (v: Vars, l: MailLanguage, text?: NoticeText) =>
    fillPlaceholders((text ?? notice.defaults[l]).subject, valuesOf(v, l));
  return defineTemplate({
    schema: definition.schema,
    notice,
    subject: (v, l, text) => subject(v as Vars, l, text),
    body: (variables, l, text) => {
      const v = variables as Vars;
      const values = valuesOf(v, l);
      const link = definition.link?.(v, l);
      return (
        <MailLayout language={l} sender={v.sender} preview={subject(v, l, text)}>
          {paragraphsOf((text ?? notice.defaults[l]).body).map((paragraph, index) => {
            const sole = solePlaceholder(paragraph);
            const filled = fillPlaceholders(paragraph, values).trim();
            if (filled === "") return null;
            return sole && notice.placeholders[sole]?.quoted ? (
              <Quoted key={index} text={filled} />
            ) : (
              <Paragraph key={index}>{filled}</Paragraph>
            );
          })}
          {link ? <ActionLink href={link.href} label={link.label} /> : null}
        </MailLayout>
      );
    },
  });
}

// The hidden fields of a server-rendered page's forms, as a browser without JavaScript posts them:
// React's server-action fields ($ACTION_…: the action's id, its bound arguments, the form's key) and
// the forms' own hidden inputs. For tests and benchmarks that post forms without a browser.

const entities: Array<[string, string]> = [
  ["&quot;", '"'],
  ["&#x27;", "'"],
  ["&lt;", "<"],
  ["&gt;", ">"],
  ["&amp;", "&"],
];

const decode = (value: string) =>
  entities.reduce((text, [entity, character]) => text.replaceAll(entity, character), value);

/** Every `<input type="hidden" name=… value=…>` of `html`, decoded, in document order. */
export function hiddenFields(html: string): [string, string][] {
  return [...html.matchAll(/<input type="hidden" name="([^"]*)"(?: value="([^"]*)")?\/>/g)].map((m) => [
    decode(m[1]!),
    decode(m[2] ?? ""),
  ]);
}

/** Only React's server-action fields ($ACTION_…). */
export function actionFieldsOf(html: string): [string, string][] {
  return hiddenFields(html).filter(([name]) => name.startsWith("$ACTION"));
}

// The request forms' one check (browser and server alike): every right's valid answer passes, and
// bad input on every field — empty, too long, of the wrong kind, with control or invisible
// characters, an unknown choice — gives that field a clear error code. Markup is text: kept as typed.
import { describe, expect, it } from "vitest";
import { commonFields as common, formOf, validForms } from "../../../scripts/test/request-forms";
import { requestTypes, type RequestType } from "../request-types";
import { validateRequestForm, type FormChoices } from "./validate-request-form";

const choices: FormChoices = {
  categories: ["email-address", "name"],
  processing: ["app-use", "support-contact"],
  consents: ["app-permissions"],
};

/** The valid form with one field replaced (or removed when value is null). */
function withField(type: RequestType, name: string, value: string | File | null): FormData {
  const entries: Array<[string, string | File]> = [...common, ...validForms[type]].filter(([k]) => k !== name);
  if (value !== null) entries.push([name, value]);
  return formOf(entries);
}

describe("validateRequestForm", () => {
  it.each(requestTypes)("accepts a valid %s form and normalises it", (type) => {
    const check = validateRequestForm(type, formOf([...common, ...validForms[type]]), choices);
    expect(check.ok, JSON.stringify(check)).toBe(true);
    if (!check.ok) return;
    expect(check.input).toMatchObject({ email: "anna@example.org", name: "Anna Schmidt", language: "en" });
    expect(check.honeypot).toBe(false);
  });

  it("keeps the form's row numbers for rectification errors and skips empty rows", () => {
    const check = validateRequestForm(
      "rectification",
      withField("rectification", "details.items.1.correctValue", ""),
      choices,
    );
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.errors).toEqual({ "details.items.1.correctValue": { code: "required" } });
    const valid = validateRequestForm("rectification", formOf([...common, ...validForms.rectification]), choices);
    expect(valid.ok && valid.input.details).toEqual({
      items: [{ data: "Surname", currentValue: "Schmitt", correctValue: "Schmidt" }],
    });
  });

  const long = (n: number) => "x".repeat(n);
  const file = new File(["%PDF-1.7"], "a.pdf", { type: "application/pdf" });
  // [type, field, bad value, expected code]
  const cases: Array<[RequestType, string, string | File | null, string]> = [
    ["access", "email", "", "required"],
    ["access", "email", "not-an-address", "invalid_email"],
    ["access", "email", `${long(250)}@example.org`, "too_long"],
    ["access", "email", file, "required"],
    ["access", "email", "<script>alert(1)</script>@x.de", "invalid_email"],
    ["access", "name", long(201), "too_long"],
    ["access", "email", "jörg@example.org", "email_not_ascii"],
    ["access", "email", "anna@example.org\u200b", "invisible_character"],
    ["access", "name", "Max \u202eMustermann", "invisible_character"],
    ["access", "name", "Anna\u200bSchmidt", "invisible_character"],
    ["access", "name", "Anna\u0000Schmidt", "control_character"],
    ["access", "name", "Anna\r\nSchmidt", "line_break"],
    ["access", "language", "fr", "invalid_choice"],
    ["access", "language", null, "choose_one"],
    ["access", "details.scope", "", "choose_one"],
    ["access", "details.scope", "everything", "choose_one"],
    ["access", "details.copy", "maybe", "choose_one"],
    ["access", "details.categories", "no-such-category", "invalid_choice"],
    ["access", "details.categories", null, "tick_at_least_one"],
    ["rectification", "details.items.1.data", "", "required"],
    ["rectification", "details.items.1.data", long(501), "too_long"],
    ["rectification", "details.items.1.correctValue", "Schmidt\u0000", "control_character"],
    ["rectification", "details.items.1.currentValue", long(501), "too_long"],
    ["rectification", "details.supplementaryStatement", long(5001), "too_long"],
    ["erasure", "details.scope", "", "choose_one"],
    ["erasure", "details.specificData", "", "required"],
    ["erasure", "details.specificData", "My phone\u0000number", "control_character"],
    ["erasure", "details.specificData", "My phone\u2066number", "invisible_character"],
    ["erasure", "details.specificData", long(5001), "too_long"],
    ["erasure", "details.ground", "g", "invalid_choice"],
    ["restriction", "details.ground", "", "choose_one"],
    ["restriction", "details.ground", "e", "choose_one"],
    ["portability", "details.format", "xml", "choose_one"],
    ["portability", "details.transmitTo.controllerName", "", "required"],
    ["portability", "details.transmitTo.endpoint", "http://insecure.example", "invalid_endpoint"],
    ["portability", "details.transmitTo.endpoint", "javascript:alert(1)", "invalid_endpoint"],
    ["portability", "details.transmitTo.endpoint", "", "required"],
    ["portability", "details.transmitTo.endpoint", 'https://other.example/import?q="><script>', "url_character"],
    ["portability", "details.transmitTo.endpoint", "https://user:pw@other.example/import", "url_credentials"],
    ["objection", "details.target", "", "choose_one"],
    ["objection", "details.target", "everything", "choose_one"],
    ["objection", "details.processingIds", null, "tick_at_least_one"],
    ["objection", "details.processingIds", "registration", "invalid_choice"],
    ["objection", "details.grounds", "", "required"],
    ["objection", "details.grounds", long(5001), "too_long"],
    ["consent_withdrawal", "details.consentIds", null, "tick_at_least_one"],
    ["consent_withdrawal", "details.consentIds", "app-use", "invalid_choice"],
    ["consent_withdrawal", "details.consentIds", file, "tick_at_least_one"],
  ];

  it.each(cases)("%s: %s = %j → %s", (t, field, value, code) => {
    const check = validateRequestForm(t, withField(t, field, value), choices);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.errors[field], JSON.stringify(check.errors)).toMatchObject({ code });
  });

  it("keeps markup-ish text as typed (it is escaped wherever it is shown) and normalises the rest", () => {
    const rectification = validateRequestForm(
      "rectification",
      formOf([
        ...common.filter(([k]) => k !== "name" && k !== "email"),
        ["email", " Joerg@Müller-Beispiel.de "],
        ["name", "Max <Muster> & Co"],
        ["details.items.0.data", "E-Mail-Adresse"],
        ["details.items.0.correctValue", "Max Mustermann <max.alt@example.org>"],
        ["details.supplementaryStatement", "Zeile 1\r\n<script>alert(1)</script>\r\nZeile 3"],
      ]),
      choices,
    );
    expect(rectification.ok, JSON.stringify(rectification)).toBe(true);
    if (!rectification.ok) return;
    expect(rectification.input).toMatchObject({
      email: "joerg@xn--mller-beispiel-gsb.de",
      name: "Max <Muster> & Co",
      details: {
        items: [{ data: "E-Mail-Adresse", correctValue: "Max Mustermann <max.alt@example.org>" }],
        supplementaryStatement: "Zeile 1\n<script>alert(1)</script>\nZeile 3",
      },
    });
    const portability = validateRequestForm(
      "portability",
      withField("portability", "details.transmitTo.endpoint", "https://Müller-Beispiel.de/import?x=<"),
      choices,
    );
    expect(portability.ok).toBe(false);
    const serialized = validateRequestForm(
      "portability",
      withField("portability", "details.transmitTo.endpoint", "https://Müller-Beispiel.de/übernahme"),
      choices,
    );
    expect(serialized.ok && serialized.input.details).toMatchObject({
      transmitTo: { endpoint: "https://xn--mller-beispiel-gsb.de/%C3%BCbernahme" },
    });
  });

  it("says which character is refused and where", () => {
    const check = validateRequestForm("access", withField("access", "name", "Max \u202eMustermann"), choices);
    expect(!check.ok && check.errors.name).toEqual({ code: "invisible_character", character: "U+202E", position: 5 });
  });

  it("uses a signed-in subject's address instead of the form's", () => {
    const form = withField("restriction", "email", "someone-else@example.org");
    const check = validateRequestForm("restriction", form, choices, "anna@example.org");
    expect(check.ok && check.input.email).toBe("anna@example.org");
  });

  it("notices the honeypot", () => {
    const check = validateRequestForm("restriction", withField("restriction", "website", "http://spam"), choices);
    expect(check.honeypot).toBe(true);
  });

  it("answers direct marketing objections without grounds (Art. 21(2), (3))", () => {
    const form = formOf([...common, ["details.target", "direct_marketing"], ["details.grounds", ""]]);
    const check = validateRequestForm("objection", form, choices);
    expect(check.ok && check.input.details).toEqual({ target: "direct_marketing" });
  });
});

// The error summary's order and wording (issue 11, item 2): entries follow the form, not the checks,
// and each names its field.
import { describe, expect, it } from "vitest";
import { formOf } from "../../../scripts/test/request-forms";
import { requestTypes } from "../request-types";
import { errorsInFormOrder, formFieldOrder, summaryEntry } from "./error-summary";
import { detailFieldNames } from "./form-fields";
import { validateRequestForm } from "./validate-request-form";

const choices = { categories: ["name"], processing: ["app-use"], consents: ["app-permissions"] };

describe("error summary", () => {
  it.each(requestTypes)("knows the place of every field of the %s form", (type) => {
    const { single, multiple } = detailFieldNames(type);
    const order = formFieldOrder(type);
    for (const field of [...single, ...multiple, "email", "name", "language"]) expect(order).toContain(field);
    expect(new Set(order).size).toBe(order.length);
  });

  it("lists an empty access form's problems top to bottom, each in the words of its control", () => {
    // What a browser sends for the untouched form: the language is preselected, nothing else.
    const check = validateRequestForm("access", formOf([["language", "en"]]), choices);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    // The checks find the email first (it is checked before the details); the form shows it last.
    expect(Object.keys(check.errors)[0]).toBe("email");
    expect(errorsInFormOrder("access", check.errors)).toEqual([
      ["details.scope", { code: "choose_one" }],
      ["details.copy", { code: "choose_one" }],
      ["email", { code: "required" }],
    ]);
  });

  it("asks to tick a checkbox group and to choose among radio buttons", () => {
    const objection = validateRequestForm(
      "objection",
      formOf([
        ["language", ""],
        ["details.target", "processing"],
      ]),
      choices,
    );
    expect(!objection.ok && errorsInFormOrder("objection", objection.errors)).toEqual([
      ["details.processingIds", { code: "tick_at_least_one" }],
      ["details.grounds", { code: "required" }],
      ["email", { code: "required" }],
      ["language", { code: "choose_one" }],
    ]);
  });

  it("puts a field the form does not know last", () => {
    expect(errorsInFormOrder("access", { odd: { code: "required" }, name: { code: "too_long" } })).toEqual([
      ["name", { code: "too_long" }],
      ["odd", { code: "required" }],
    ]);
  });

  it.each([
    ["Email address", "Please enter this.", "Email address: Please enter this."],
    [
      "In welchem Format?",
      "Bitte wählen Sie eine Möglichkeit.",
      "In welchem Format? Bitte wählen Sie eine Möglichkeit.",
    ],
    ["Detail 2 – What is right ", "Please enter this.", "Detail 2 – What is right: Please enter this."],
  ])("names the field: %s + %s", (label, message, entry) => {
    expect(summaryEntry(label, message)).toBe(entry);
  });
});

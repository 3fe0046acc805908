// What the DPO may save as a notice's text (issue 13): every shipped text passes its own rules; an
// unknown or malformed placeholder is refused by name; a text that drops a placeholder carrying a
// part the law requires (Art. 12(3), 12(4) with Art. 77 and 79, 12(6)) is refused naming the part;
// texts are normalised and bounded.
import { describe, expect, it } from "vitest";
import de from "../../i18n/messages/backoffice/templates.de.json";
import en from "../../i18n/messages/backoffice/templates.en.json";
import { defaultNoticeText, noticeActions, noticeDefinition } from "./notice-catalogue";
import { NOTICE_BODY_MAX, noticeTextErrors, noticeTextForm } from "./notice-text-form";

const refusalDe = defaultNoticeText("refusal", "de");

function errorsOf(action: Parameters<typeof noticeTextForm>[0], input: Record<string, string>) {
  const parsed = noticeTextForm(action).safeParse({ note: "", ...input });
  expect(parsed.success, JSON.stringify(input)).toBe(false);
  return noticeTextErrors(parsed.error!);
}

describe("notice text rules", () => {
  it("cover at least the eight notices the case actions send", () => {
    expect(noticeActions).toEqual(
      expect.arrayContaining([
        "acknowledgement",
        "information_request",
        "extension_notice",
        "refusal",
        "partial_completion",
        "completion",
        "withdrawal_confirmation",
        "message_notice",
      ]),
    );
    expect(noticeActions).not.toContain("sign_in_link");
  });

  it("accept every shipped text in both languages, unchanged", () => {
    for (const action of noticeActions) {
      for (const language of ["de", "en"] as const) {
        const text = defaultNoticeText(action, language);
        const parsed = noticeTextForm(action).safeParse({ ...text, note: "" });
        expect(parsed.success, `${action}/${language}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
        expect(parsed.data).toEqual({ ...text, note: "" });
      }
    }
  });

  it("refuse unknown placeholders, naming each one", () => {
    const errors = errorsOf("completion", {
      subject: "Erledigt: {{reference}} {{ticket}}",
      body: "Guten Tag {{kundenName}},\n\n{{summary}} {{kundenName}}",
    });
    expect(errors.subject).toEqual({
      code: "unknown_placeholder",
      params: { code: "unknown_placeholder", names: "{{ticket}}" },
    });
    expect(errors.body?.params.names).toBe("{{kundenName}}");
  });

  it("refuse malformed placeholders rather than send them as typed", () => {
    const errors = errorsOf("completion", { subject: "{{reference}", body: "{{due date}}\n\n{{summary}}" });
    expect(errors.subject?.code).toBe("malformed_placeholder");
    expect(errors.body).toMatchObject({ code: "malformed_placeholder", params: { tokens: "{{due date}}" } });
  });

  it("refuse a refusal without its judicial remedy (Art. 79) or complaint right (Art. 77), naming the part", () => {
    const withoutCourt = refusalDe.body.replace("{{judicialRemedy}}", "");
    expect(errorsOf("refusal", { subject: refusalDe.subject, body: withoutCourt }).body).toEqual({
      code: "missing_part",
      params: { code: "missing_part", placeholder: "{{judicialRemedy}}", part: "judicial_remedy" },
    });
    const withoutComplaint = refusalDe.body.replace("{{complaintRight}}", "Sie können sich beschweren.");
    expect(errorsOf("refusal", { subject: refusalDe.subject, body: withoutComplaint }).body?.params).toMatchObject({
      placeholder: "{{complaintRight}}",
      part: "complaint_right",
    });
    // A required placeholder in the subject line only does not count: the body carries the part.
    const moved = errorsOf("refusal", {
      subject: `${refusalDe.subject} {{grounds}}`,
      body: refusalDe.body.replace("{{grounds}}", "…"),
    });
    expect(moved.body?.params.part).toBe("refusal_grounds");
  });

  it("hold the Art. 12 parts per notice: refusal and partial completion 12(4), extension 12(3), information request 12(6)", () => {
    const parts = (action: Parameters<typeof noticeDefinition>[0]) =>
      noticeDefinition(action).required.map((r) => r.part);
    for (const action of ["refusal", "partial_completion"] as const) {
      expect(parts(action)).toEqual(
        expect.arrayContaining(["refusal_grounds", "refusal_reasons", "complaint_right", "judicial_remedy"]),
      );
    }
    expect(parts("extension_notice")).toEqual(expect.arrayContaining(["extension_reason", "new_due_date"]));
    expect(parts("information_request")).toContain("question");
    const extension = defaultNoticeText("extension_notice", "en");
    expect(
      errorsOf("extension_notice", { subject: extension.subject, body: extension.body.replace("{{dueDate}}", "soon") })
        .body?.params,
    ).toMatchObject({ placeholder: "{{dueDate}}", part: "new_due_date" });
    const question = defaultNoticeText("information_request", "de");
    expect(
      errorsOf("information_request", { subject: question.subject, body: question.body.replace("{{question}}", "") })
        .body?.params.part,
    ).toBe("question");
  });

  it("name every required part and refusal in both languages, with its article", () => {
    const parts = new Set(noticeActions.flatMap((a) => noticeDefinition(a).required.map((r) => r.part)));
    for (const part of parts) {
      expect(de.parts[part as keyof typeof de.parts], part).toMatch(/Art\. \d+/);
      expect(en.parts[part as keyof typeof en.parts], part).toMatch(/Art\. \d+/);
    }
    expect(de.parts.judicial_remedy).toContain("Art. 79");
    expect(en.parts.complaint_right).toContain("Art. 77");
    for (const code of [
      "unknown_placeholder",
      "malformed_placeholder",
      "quoted_in_subject",
      "missing_part",
      "required",
      "too_long",
      "control_character",
    ])
      expect([de.errors[code as keyof typeof de.errors], en.errors[code as keyof typeof en.errors]]).not.toContain(
        undefined,
      );
  });

  it("keep free text (reasons, summaries) out of the subject line", () => {
    const errors = errorsOf("completion", { subject: "Erledigt: {{summary}}", body: "{{summary}}" });
    expect(errors.subject).toMatchObject({ code: "quoted_in_subject", params: { names: "{{summary}}" } });
  });

  it("normalise and bound the texts: empty, too long, control characters", () => {
    expect(errorsOf("completion", { subject: "  ", body: "{{summary}}" }).subject?.code).toBe("required");
    expect(
      errorsOf("completion", { subject: "x", body: `{{summary}} ${"a".repeat(NOTICE_BODY_MAX)}` }).body?.code,
    ).toBe("too_long");
    expect(errorsOf("completion", { subject: "a\u0007b", body: "{{summary}}" }).subject?.code).toBeTruthy();
    expect(errorsOf("completion", { subject: "x", body: "{{summary}}", note: "n".repeat(501) }).note?.code).toBe(
      "too_long",
    );
    const parsed = noticeTextForm("completion").parse({
      subject: " Fertig\u0020",
      body: "\r\n{{summary}}\r\n\r\nGruß",
      note: "",
    });
    expect(parsed).toEqual({ subject: "Fertig", body: "{{summary}}\n\nGruß", note: "" });
  });
});

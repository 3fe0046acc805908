// The zod helpers: the normaliser runs before the other checks, and its refusals arrive as issues
// whose message is the code and whose params say which character and where.
import { describe, expect, it } from "vitest";
import { emailAddress, endpoint, requiredText, text } from "./schemas";

const issue = (result: { success: boolean; error?: { issues: unknown[] } }) => result.error?.issues[0];

describe("input schemas", () => {
  it("normalises before measuring, and says which character is refused and where", () => {
    expect(text({ max: 5 }).parse("  Anna  ")).toBe("Anna");
    expect(text({ max: 3, multiline: true }).parse("a\r\nb")).toBe("a\nb");
    expect(issue(text({ max: 100 }).safeParse("Max\u0000"))).toMatchObject({
      code: "custom",
      message: "control_character",
      params: { character: "U+0000", position: 4 },
    });
    expect(issue(text({ max: 3 }).safeParse("abcd"))).toMatchObject({ code: "too_big", message: "too_long" });
    expect(issue(requiredText({ max: 3 }).safeParse(" \r\n "))).toMatchObject({ message: "required" });
  });

  it("gives addresses their canonical form", () => {
    expect(emailAddress().parse(" Joerg@Müller-Beispiel.de ")).toBe("joerg@xn--mller-beispiel-gsb.de");
    expect(issue(emailAddress().safeParse(""))).toMatchObject({ message: "required" });
    expect(issue(emailAddress().safeParse(`${"a".repeat(250)}@b.de`))).toMatchObject({
      message: "too_long",
      params: { max: 254 },
    });
    expect(issue(emailAddress().safeParse("jörg@example.org"))).toMatchObject({ message: "email_not_ascii" });
  });

  it("takes an https web address in its serialized form, or an address in its canonical form", () => {
    const schema = endpoint({ max: 500 });
    expect(schema.parse("https://Other.Example/import")).toBe("https://other.example/import");
    expect(schema.parse("https://müller-beispiel.de/übernahme")).toBe(
      "https://xn--mller-beispiel-gsb.de/%C3%BCbernahme",
    );
    expect(schema.parse("Import@Müller-Beispiel.de")).toBe("import@xn--mller-beispiel-gsb.de");
    expect(issue(schema.safeParse('https://other.example/import?q="><script>alert(1)</script>'))).toMatchObject({
      message: "url_character",
      params: { character: "U+0022", position: 32 },
    });
    expect(issue(schema.safeParse("https://other.example/a b"))).toMatchObject({
      message: "url_character",
      params: { character: "U+0020" },
    });
    expect(issue(schema.safeParse("https://user:secret@other.example/"))).toMatchObject({ message: "url_credentials" });
    expect(issue(schema.safeParse("https://other.example/%zz"))).toMatchObject({ message: "url_character" });
    for (const bad of [
      "http://other.example/",
      "ftp://other.example/",
      "other.example",
      "javascript:alert(1)",
      "x@y",
    ]) {
      expect(issue(schema.safeParse(bad)), bad).toMatchObject({ message: "invalid_endpoint" });
    }
    expect(issue(schema.safeParse("jörg@other.example"))).toMatchObject({ message: "email_not_ascii" });
    expect(issue(schema.safeParse(""))).toMatchObject({ message: "required" });
  });
});

import { describe, expect, it } from "vitest";
import { safeCallbackPath, signInFormSchema } from "./sign-in-form";

describe("sign-in form", () => {
  it("accepts an address in any case and stores it lower-case", () => {
    expect(signInFormSchema.parse({ email: "  Anna.Schmidt@Demo.Example " }).email).toBe("anna.schmidt@demo.example");
  });

  it("refuses what is no address", () => {
    for (const email of ["", "anna", "anna@", "@demo.example", "a b@demo.example"]) {
      expect(signInFormSchema.safeParse({ email }).success, email).toBe(false);
    }
  });

  it("leads only to pages of this portal under a locale", () => {
    expect(safeCallbackPath("/en/my/requests", "de")).toBe("/en/my/requests");
    expect(safeCallbackPath("/de", "en")).toBe("/de");
    for (const bad of ["https://evil.example/de", "//evil.example/de", "/de//evil.example", "/fr/x", "/de?x=1", 42]) {
      expect(safeCallbackPath(bad, "de"), String(bad)).toBe("/de/my/requests");
    }
  });
});

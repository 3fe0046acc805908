// Which posts the intake lane takes: the request form of the page it was posted to, sent without
// JavaScript by someone not signed in; everything else goes on to Next.js.
import { describe, expect, it } from "vitest";
import { requestTypes } from "../requests/request-types";
import { laneTarget, type LanePost } from "./lane-target";

const SESSION = "next-auth.session-token";

/** The request form as a browser without JavaScript posts it (hidden fields of components/requests/form). */
function form(locale: string, type: string): FormData {
  const data = new FormData();
  data.append("$ACTION_REF_1", "");
  data.append("locale", locale);
  data.append("type", type);
  data.append("email", "a@example.org");
  return data;
}

const post = (url: string, headers: LanePost["headers"] = {}): LanePost => ({ method: "POST", url, headers });

describe("laneTarget", () => {
  it.each(requestTypes.flatMap((type) => [["de", type] as const, ["en", type] as const]))(
    "takes the %s %s form posted to its own page",
    (locale, type) => {
      expect(laneTarget(post(`/${locale}/requests/new/${type}`), form(locale, type), SESSION)).toEqual({
        locale,
        type,
      });
    },
  );

  it("leaves every post without a form the gate parsed to Next.js (JavaScript's fetch posts, URL-encoded ones)", () => {
    expect(laneTarget(post("/en/requests/new/erasure"), null, SESSION)).toBeNull();
  });

  it("leaves a form that is not this page's request form to Next.js", () => {
    expect(laneTarget(post("/en/requests/new/erasure"), form("en", "access"), SESSION)).toBeNull();
    expect(laneTarget(post("/en/requests/new/erasure"), form("de", "erasure"), SESSION)).toBeNull();
    expect(laneTarget(post("/en/requests/new/erasure"), new FormData(), SESSION)).toBeNull();
    expect(laneTarget(post("/en/sign-in"), form("en", "erasure"), SESSION)).toBeNull();
    expect(laneTarget(post("/fr/requests/new/erasure"), form("fr", "erasure"), SESSION)).toBeNull();
    expect(laneTarget(post("/en/requests/new/complaint"), form("en", "complaint"), SESSION)).toBeNull();
    expect(laneTarget(post("/en/requests/new/erasure?x=1"), form("en", "erasure"), SESSION)).toBeNull();
    expect(
      laneTarget({ ...post("/en/requests/new/erasure"), method: "PUT" }, form("en", "erasure"), SESSION),
    ).toBeNull();
  });

  it("leaves a signed-in subject's post to Next.js (only next-auth reads the session), and ignores other cookies", () => {
    const url = "/en/requests/new/erasure";
    expect(laneTarget(post(url, { cookie: `a=1; ${SESSION}=abc` }), form("en", "erasure"), SESSION)).toBeNull();
    expect(laneTarget(post(url, { cookie: "a=1; portal.filed-request=x" }), form("en", "erasure"), SESSION)).toEqual({
      locale: "en",
      type: "erasure",
    });
  });
});

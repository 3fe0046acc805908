// A server action's arguments as React encodes them: what the portal's forms send decodes, and every
// kind of garbage React's decoder would throw on (Next.js: 500) is recognised beforehand.
import { describe, expect, it } from "vitest";
import { isSoundFetchReply, isSoundFormAction } from "./action-reply";

/** A reply as React's client sends it: rows 1, 2, … first, the root (row 0, the first text here) last. */
const rows = (...texts: string[]): [string, string][] =>
  texts.map((text, id): [string, string] => [String(id), text]).reverse();

describe("isSoundFetchReply", () => {
  it("accepts what the portal's forms send with JavaScript: the last state and the form", () => {
    expect(isSoundFetchReply(rows('[{"error":null,"email":""},"$K1"]'))).toBe(true);
    expect(isSoundFetchReply(rows("[]"))).toBe(true);
  });

  it("accepts React's plain values and references between rows", () => {
    const values =
      '[{"a":"$$x","b":"$undefined","c":"$D2026-01-01T00:00:00.000Z","d":"$n-123","e":"$NaN","f":"$Infinity","g":"$-0"}]';
    expect(isSoundFetchReply(rows(values))).toBe(true);
    expect(isSoundFetchReply(rows('["$1","$1:a:0","$@2"]', '{"a":[1]}', '"x"'))).toBe(true);
  });

  it.each([
    ['"hello"', "a string, not the arguments' array"],
    ["{}", "an object"],
    ["null", "null"],
    ["{{{", "no JSON"],
    ["[", "cut-off JSON"],
    ['["$@1"]', "a reference to a missing row"],
    ['["$1:a"]', "a path into a missing row"],
    ['["$nabc"]', "a BigInt that is none"],
    [`["$n${"1".repeat(301)}"]`, "a BigInt longer than React takes"],
    ['["$T"]', "a temporary reference"],
    ['["$Q1"]', "a Map"],
    ['["$h1"]', "a server reference"],
    ['["$B1"]', "a blob"],
    ['["$"]', "a bare dollar"],
    ['["$Z1"]', "an unknown kind"],
    [`[${"0,".repeat(1000)}0]`, "more than 1,000 arguments"],
    [`[${"[".repeat(500)}${"]".repeat(500)}]`, "nesting deeper than any form state"],
    [`["${"x".repeat(1_000_001)}"]`, "an array tree over React's slot limit"],
  ])("refuses %#: %s", (text) => {
    expect(isSoundFetchReply(rows(text))).toBe(false);
  });

  it("accepts a reference into the row being decoded, as React's client writes one for an object sent twice", () => {
    expect(isSoundFetchReply(rows('[{"values":{"a":"x"},"again":"$0:0:values"},"$K1"]'))).toBe(true);
    expect(isSoundFetchReply(rows('[{"values":{"a":"x"},"again":"$0:0:nothing"}]'))).toBe(false);
    expect(isSoundFetchReply(rows('[{"u":"$undefined","again":"$0:0:u"}]'))).toBe(false);
  });

  it("refuses a broken referenced row and a path that is not there", () => {
    // A row that contains itself decodes (React resolves the reference once the row is done).
    expect(isSoundFetchReply(rows('["$1"]', '["$1"]'))).toBe(true);
    expect(isSoundFetchReply(rows('["$1"]', "{garbage"))).toBe(false);
    expect(isSoundFetchReply(rows('["$1:b"]', '{"a":1}'))).toBe(false);
    expect(isSoundFetchReply(rows('["$1:a:x"]', '{"a":"text"}'))).toBe(false);
  });

  it("counts array slots across references, as React does", () => {
    const big = `[${"0,".repeat(599_999)}0]`;
    expect(isSoundFetchReply(rows('["$1"]', big))).toBe(true);
    expect(isSoundFetchReply(rows('["$1","$1"]', big))).toBe(false);
    // An object starts a new tree: long texts in form state are fine.
    expect(isSoundFetchReply(rows(`[{"message":"${"x".repeat(1_500_000)}"}]`))).toBe(true);
  });

  it("refuses a reference to a row still to come (React decodes rows as they stream in)", () => {
    expect(
      isSoundFetchReply([
        ["0", '["$1"]'],
        ["1", '"x"'],
      ]),
    ).toBe(false);
    expect(
      isSoundFetchReply([
        ["0", '["$@1"]'],
        ["1", '"x"'],
      ]),
    ).toBe(false);
    expect(
      isSoundFetchReply([
        ["1", '"x"'],
        ["0", '["$1"]'],
      ]),
    ).toBe(true);
  });

  it("refuses fields React would read as rows that are not rows exactly once, and a reply without its root", () => {
    for (const name of ["00", "", " ", "1e0", "S1", "S0"]) {
      expect(isSoundFetchReply([[name, '"x"'], ...rows("[]")]), JSON.stringify(name)).toBe(false);
    }
    expect(
      isSoundFetchReply([
        ["0", "[]"],
        ["0", "[]"],
      ]),
    ).toBe(false);
    expect(isSoundFetchReply([["_1_email", "a@b.de"]])).toBe(false);
    // A file is no row; the form's own fields and files are not rows either.
    expect(isSoundFetchReply([["0", null]])).toBe(false);
    expect(isSoundFetchReply([["_1_file", null], ["_1_email", "a@b.de"], ["S", "x"], ...rows('["$K1"]')])).toBe(true);
  });
});

describe("isSoundFormAction", () => {
  const id = "603b3f93f11064601457e877df54a40d124f390f9b";
  const signInForm: [string, FormDataEntryValue][] = [
    ["$ACTION_REF_1", ""],
    ["$ACTION_1:0", JSON.stringify({ id, bound: "$@1" })],
    ["$ACTION_1:1", '[{"error":null,"email":""}]'],
    ["$ACTION_KEY", "k4d6b85d3a8a58972e37d93d9024b47c1"],
    ["email", "a@b.de"],
  ];
  const replace = (name: string, value: FormDataEntryValue) =>
    signInForm.map(([key, old]): [string, FormDataEntryValue] => [key, key === name ? value : old]);

  it("accepts a form as the page renders it, a form without bound arguments, and a post without action fields", () => {
    expect(isSoundFormAction(signInForm)).toBe(true);
    expect(isSoundFormAction(replace("$ACTION_1:0", JSON.stringify({ id, bound: null })))).toBe(true);
    expect(
      isSoundFormAction([
        ["email", "a@b.de"],
        [`$ACTION_ID_${id}`, ""],
      ]),
    ).toBe(true);
  });

  it.each([
    ["$ACTION_1:0", "{not json", "a descriptor that is no JSON"],
    ["$ACTION_1:0", '{"id":5,"bound":null}', "an id that is no text"],
    ["$ACTION_1:0", '["x"]', "a descriptor that is no object"],
    ["$ACTION_1:0", JSON.stringify({ id, bound: "$@2" }), "bound arguments in a missing row"],
    ["$ACTION_1:0", JSON.stringify({ id, bound: "x" }), "bound arguments that are no reference"],
    ["$ACTION_1:1", "{garbage", "bound arguments that are no JSON"],
    ["$ACTION_1:1", '"str"', "bound arguments that are no array"],
    ["$ACTION_1:1", `[${"0,".repeat(1000)}0]`, "more than 1,000 bound arguments"],
    ["$ACTION_1:1", '["$Q2"]', "a kind of value the forms never send"],
    ["$ACTION_1:0", new File(["{}"], "x.json"), "a file where the descriptor should be"],
  ] as [string, FormDataEntryValue, string][])("refuses %s = %#: %s", (name, value) => {
    expect(isSoundFormAction(replace(name, value))).toBe(false);
  });

  it("refuses a missing descriptor, and checks every action reference", () => {
    expect(isSoundFormAction(signInForm.filter(([name]) => name !== "$ACTION_1:0"))).toBe(false);
    expect(isSoundFormAction([...signInForm, ["$ACTION_REF_2", ""], ["$ACTION_2:0", "{bad"]])).toBe(false);
  });
});

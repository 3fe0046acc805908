import { describe, expect, it } from "vitest";
import { dateMentionProblem, findDateMentions } from "./date-mentions";

describe("date mentions in a statement", () => {
  it.each([
    ["Stand: Juli 2023.", { year: 2023, month: 7 }],
    ["Diese Hinweise haben den Stand: 1. Juli 2023", { year: 2023, month: 7, day: 1 }],
    ["Stand 01.07.2023", { year: 2023, month: 7, day: 1 }],
    ["Zuletzt geändert am 14. März 2024", { year: 2024, month: 3, day: 14 }],
    ["Last updated June 2023", { year: 2023, month: 6 }],
    ["Last updated: July 1, 2023", { year: 2023, month: 7, day: 1 }],
    ["Effective from 2023-07-01", { year: 2023, month: 7, day: 1 }],
    ["last updated on 1 July 2023", { year: 2023, month: 7, day: 1 }],
  ])("reads %j", (text, date) => {
    expect(findDateMentions(text).map((m) => m.date)).toEqual([date]);
  });

  it("ignores 'Stand' in other senses", () => {
    expect(findDateMentions("Maßnahmen nach dem Stand der Technik. Der Stand 3 ist belegt.")).toEqual([]);
  });

  it("flags a keyword with a colon but no readable date", () => {
    const [mention] = findDateMentions("Stand: Sommer 2023");
    expect(dateMentionProblem(mention!, "2023-07-01")).toMatch(/names no readable date/);
  });

  it("catches the seed statement's contradiction: 'Last updated June 2023' and 'Stand: Juli 2023'", () => {
    const mentions = findDateMentions("Last updated June 2023 … Diese Datenschutzhinweise haben den Stand: Juli 2023.");
    const problems = mentions.map((m) => dateMentionProblem(m, "2023-07-01"));
    expect(problems[0]).toMatch(/"Last updated June 2023" contradicts the version's effective date 2023-07-01/);
    expect(problems[1]).toBeUndefined();
  });

  it("compares at the precision written: a day must match, a month alone matches any day of it", () => {
    const [day] = findDateMentions("Stand: 2. Juli 2023");
    const [month] = findDateMentions("Stand: Juli 2023");
    expect(dateMentionProblem(day!, "2023-07-01")).toBeDefined();
    expect(dateMentionProblem(month!, "2023-07-15")).toBeUndefined();
  });
});

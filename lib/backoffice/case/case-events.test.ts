// Every event a request's audit chain can hold has words on the case file's timeline, in both languages.
import { describe, expect, it } from "vitest";
import { allMessages } from "../../i18n/all-messages";
import { eventNames } from "../../requests/workflow/events";
import { REVEAL_EVENT } from "../reveal/reveal-subject";

describe("the case file's timeline", () => {
  it("names every workflow event and the reveal, in German and English", () => {
    for (const locale of ["de", "en"] as const) {
      const events = (allMessages[locale].backofficeCase as { events: Record<string, string> }).events;
      for (const event of [...eventNames, REVEAL_EVENT]) expect(events[event], `${locale}: ${event}`).toBeTruthy();
    }
  });
});

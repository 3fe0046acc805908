// The Art. 15(1)(a)-(h) and 15(2) information comes from the register for exactly the categories found: a
// category not found brings no entry, purpose, recipient, transfer or right that only it would bring, and
// every found category appears. Checked on the seed register (content/) by example and for every subset.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dataCategories, registerEntries, type RegisterEntry } from "../../privacy/index";
import { AccessReportInputError, accessInformation, type AccessInformationInput } from "./access-information";

const now = new Date("2026-12-01T08:00:00.000Z");

function info(categoriesFound: string[], extra: Partial<AccessInformationInput> = {}) {
  return accessInformation({
    categoriesFound,
    language: "en",
    now,
    reference: "DSR-2026-0042",
    foundBySystem: [],
    ...extra,
  });
}

describe("accessInformation: exactly the categories found", () => {
  it("the address-book entry alone: only the app permissions, consent, no recipients, withdrawal offered", () => {
    const result = info(["contacts-entry"]);
    expect(result.processed).toBe(true);
    expect(result.categories.map((c) => c.id)).toEqual(["contacts-entry"]);
    expect(result.categories[0]).toMatchObject({
      label: "ilert contact in your address book",
      description: expect.stringContaining("we do not read your other contacts"),
    });
    expect(result.processing.map((p) => p.id)).toEqual(["app-permissions"]);
    const [p] = result.processing;
    expect(p!.purposes).toEqual([
      "Creating and updating the ilert contact in your address book, so that you recognise calls from ilert",
      "Delivering alerts as push notifications",
    ]);
    expect(p!.legalBases).toEqual(["Consent (Art. 6(1)(a) GDPR)"]);
    expect(p!.sources).toEqual(["from you"]);
    expect(p!.retention).toContain("30 days");
    expect(p!.backupDays).toBe(30);
    // Push notifications belong to the same entry but were not found: not listed.
    expect(p!.categories.map((c) => c.id)).toEqual(["contacts-entry"]);
    expect(result.recipients).toEqual([]);
    expect(result.transfers).toEqual([]);
    expect(result.rights.map((r) => r.right)).toEqual([
      "rectification",
      "erasure",
      "restriction",
      "portability",
      "consent_withdrawal",
    ]);
    expect(result.rights.find((r) => r.right === "consent_withdrawal")).toMatchObject({
      article: "Art. 7(3) GDPR",
      appliesTo: ["App permissions"],
    });
  });

  it("message content: both support entries, HubSpot as a processor in the US under standard contractual clauses", () => {
    const result = info(["message-content"]);
    expect(result.processing.map((p) => p.id)).toEqual(["support-contact", "support-chat"]);
    // ilert's sub-processors come only with registration and app use, which hold no message content.
    expect(result.recipients).toEqual([
      {
        id: "hubspot",
        name: "HubSpot, Inc.",
        kind: "processor",
        kindText: expect.stringContaining("processor"),
        role: "provider of the support chat",
        country: "United States",
      },
    ]);
    expect(result.transfers).toEqual([
      {
        recipientId: "hubspot",
        recipientName: "HubSpot, Inc.",
        countryCode: "US",
        country: "United States",
        safeguard: "standard-contractual-clauses",
        safeguardText: "standard contractual clauses of the European Commission (Art. 46(2)(c) GDPR)",
      },
    ]);
    // Contract or legitimate interests: objection and portability, no withdrawal of consent.
    expect(result.rights.map((r) => r.right)).toEqual([
      "rectification",
      "erasure",
      "restriction",
      "portability",
      "objection",
    ]);
    expect(result.processing[0]!.legalBases[1]).toContain(
      "Our interest: People who use our app should be able to reach us easily.",
    );
  });

  it("the store account: the app stores as independent controllers, named as the source; no rights against us", () => {
    const result = info(["store-account"]);
    expect(result.processing.map((p) => p.id)).toEqual(["app-store-download"]);
    expect(result.recipients.map((r) => [r.id, r.kind])).toEqual([
      ["apple-app-store", "independent-controller"],
      ["google-play", "independent-controller"],
    ]);
    expect(result.processing[0]!.sources).toEqual([
      "from third parties: Apple (App Store), Google (Google Play Store)",
    ]);
    expect(result.processing[0]!.rights).toEqual([]);
    expect(result.rights).toEqual([]);
    expect(result.independentNotes).toEqual([
      "For “Downloading the app from an app store”, Apple (App Store), Google (Google Play Store) are responsible themselves. Please use your rights about it with them.",
    ]);
  });

  it("an older statement version: its register applies (no support chat before 2023-07, so no HubSpot)", () => {
    const result = info(["message-content"], { statementVersion: "2023-06" });
    expect(result.statement).toEqual({
      id: "2023-06",
      title: "Privacy statement for the ilert app",
      effective: "1 June 2023",
    });
    expect(result.processing.map((p) => p.id)).toEqual(["support-contact"]);
    expect(result.recipients).toEqual([]);
    expect(result.transfers).toEqual([]);
  });

  it("nothing found: no processing, no rights; the complaint right, controller and DPO still there", () => {
    const result = info([]);
    expect(result.processed).toBe(false);
    expect(result).toMatchObject({ categories: [], processing: [], recipients: [], transfers: [], rights: [] });
    expect(result.complaint.authority[0]).toBe(
      "State Commissioner for Data Protection and Freedom of Information of North Rhine-Westphalia (LDI NRW)",
    );
    expect(result.complaint.text).toContain("Art. 77 GDPR");
    expect(result.controller.slice(0, 3)).toEqual(["ilert GmbH", "Bayenstraße 65", "50678 Köln"]);
    expect(result.dpo).toContain("Email: dsb@secjur.com");
  });

  it("for every subset of the categories: the entries are exactly those holding a found category, and nothing comes from any other", () => {
    const allIds = dataCategories().map((c) => c.id);
    const register = registerEntries("2023-07");
    fc.assert(
      fc.property(fc.subarray(allIds), (found) => {
        const result = info(found, { statementVersion: "2023-07" });
        const expected = register.filter((e) => e.dataCategories.some((id) => found.includes(id)));
        // Every found category appears, and only found ones, in the report and in each entry.
        expect(new Set(result.categories.map((c) => c.id))).toEqual(new Set(found));
        for (const p of result.processing) {
          expect(p.categories.length).toBeGreaterThan(0);
          for (const c of p.categories) expect(found).toContain(c.id);
        }
        expect(result.processing.map((p) => p.id)).toEqual(expected.map((e) => e.id));
        // Recipients, transfers and purposes: the union of the included entries', nothing only another would bring.
        const union = (pick: (e: RegisterEntry) => string[]) => new Set(expected.flatMap(pick));
        expect(new Set(result.recipients.map((r) => r.id))).toEqual(union((e) => e.recipients));
        expect(new Set(result.transfers.map((x) => x.recipientId))).toEqual(
          union((e) => e.thirdCountryTransfers.map((x) => x.recipient)),
        );
        const purposes = new Set(result.processing.flatMap((p) => p.purposes));
        expect(purposes).toEqual(union((e) => e.purposes.map((p) => p.en)));
        // A right names only included entries, and each included entry of ours has at least Art. 16-18.
        const names = new Set(expected.map((e) => e.name.en));
        for (const right of result.rights) for (const name of right.appliesTo) expect(names).toContain(name);
        for (const p of result.processing) {
          if (p.independentControllers.length === 0)
            expect(p.rights).toEqual(expect.arrayContaining(["rectification", "erasure", "restriction"]));
        }
        expect(result.processed).toBe(found.length > 0);
      }),
      { numRuns: 200 },
    );
  });
});

describe("accessInformation: language, records and bad input", () => {
  it("German: the same facts in German words", () => {
    const result = accessInformation({
      categoriesFound: ["message-content"],
      language: "de",
      now,
      reference: "DSR-1",
      foundBySystem: [],
    });
    expect(result.categories[0]!.label).toBe("Inhalt Ihrer Nachrichten");
    expect(result.createdAt).toBe("1. Dezember 2026");
    expect(result.transfers[0]!.country).toBe("Vereinigte Staaten");
    expect(result.rights.map((r) => r.article)).toContain("Art. 21 DSGVO");
    expect(result.complaint.authority[0]).toContain("Landesbeauftragte für Datenschutz und Informationsfreiheit");
  });

  it("records per system keep their order and counts, with their files only when a copy is included", () => {
    const foundBySystem = [
      {
        system: "platform",
        systemName: "ilert platform",
        records: [
          { recordType: "users", count: 1, categories: ["name", "email-address"] },
          { recordType: "usage-events", count: 1500, categories: ["ip-address"] },
        ],
      },
    ];
    const withCopy = info(["name", "email-address", "ip-address"], { foundBySystem });
    expect(withCopy.records).toEqual([
      {
        system: "platform",
        systemName: "ilert platform",
        recordType: "users",
        count: 1,
        categories: ["Name", "Email address"],
        files: ["data/platform/users.json", "data/platform/users.csv"],
      },
      expect.objectContaining({ recordType: "usage-events", count: 1500, categories: ["IP address"] }),
    ]);
    const confirmation = info(["name", "email-address", "ip-address"], { foundBySystem, copyIncluded: false });
    expect(confirmation.copyIncluded).toBe(false);
    expect(confirmation.records.map((r) => r.files)).toEqual([[], []]);
    expect(confirmation.processing).toEqual(withCopy.processing);
  });

  it("refuses an unknown category, a record with a category not found, a bad count and an unknown version", () => {
    expect(() => info(["shoe-size"])).toThrow(new AccessReportInputError('unknown data category "shoe-size"'));
    const stray = [
      { system: "crm", systemName: "CRM", records: [{ recordType: "contacts", count: 1, categories: ["name"] }] },
    ];
    expect(() => info(["email-address"], { foundBySystem: stray })).toThrow(
      'crm/contacts: category "name" is not among the categories found',
    );
    const negative = [
      { system: "crm", systemName: "CRM", records: [{ recordType: "contacts", count: -1, categories: [] }] },
    ];
    expect(() => info([], { foundBySystem: negative })).toThrow(
      "crm/contacts: count must be a whole number ≥ 0, is -1",
    );
    expect(() => info([], { statementVersion: "1999-01" })).toThrow('unknown statement version "1999-01"');
  });
});

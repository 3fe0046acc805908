// Every template in both languages, with the content the law requires checked in
// both the HTML and the plain-text part.
import { describe, expect, it } from "vitest";
import { renderMail } from "./render-mail";
import { templates, type TemplateName } from "./templates";
import { authority, caseUrl, samples, sender, signInUrl } from "./templates/samples";

/** What each mail must say, per language; checked in the text part and the HTML part alike. */
const required: Record<TemplateName, Record<"de" | "en", string[]>> = {
  acknowledgement: {
    de: ["DSR-2026-000042", "2. Dezember 2026", "Art. 12 Abs. 3 DSGVO", "Auskunft (Art. 15 DSGVO)", caseUrl],
    en: ["DSR-2026-000042", "2 December 2026", "Art. 12(3) GDPR", "Access (Art. 15 GDPR)", caseUrl],
  },
  extension_notice: {
    de: ["2. Februar 2027", "Art. 12 Abs. 3 DSGVO", "Four systems hold your data.", caseUrl],
    en: ["2 February 2027", "Art. 12(3) GDPR", "Four systems hold your data.", caseUrl],
  },
  information_request: {
    de: ["Art. 12 Abs. 6 DSGVO", "Which customer number?", caseUrl],
    en: ["Art. 12(6) GDPR", "Which customer number?", caseUrl],
  },
  refusal: {
    de: ["§ 147 AO", "Art. 17(3)(b) GDPR", "Art. 77 DSGVO", authority.name, authority.address, "Art. 79 DSGVO"],
    en: ["§ 147 AO", "Art. 17(3)(b) GDPR", "Art. 77 GDPR", authority.name, authority.address, "Art. 79 GDPR"],
  },
  partial_completion: {
    de: ["Account erased.", "§ 147 AO", "Art. 77 DSGVO", authority.address, "Art. 79 DSGVO"],
    en: ["Account erased.", "§ 147 AO", "Art. 77 GDPR", authority.address, "Art. 79 GDPR"],
  },
  completion: { de: ["Copy sent.", caseUrl], en: ["Copy sent.", caseUrl] },
  withdrawal_confirmation: { de: ["DSR-2026-000042", "zurückgezogen"], en: ["DSR-2026-000042", "withdrawn"] },
  fee_notice: {
    de: ["25,00\u00a0€", "Art. 12 Abs. 5 DSGVO", "sixth identical request", "zurück", "wie Sie zahlen", caseUrl],
    en: ["€25.00", "Art. 12(5) GDPR", "sixth identical request", "withdraw", "how to pay", caseUrl],
  },
  reopen_notice: {
    de: ["DSR-2026-000042", "newsletter data", "noch einmal", caseUrl],
    en: ["DSR-2026-000042", "newsletter data", "again", caseUrl],
  },
  message_notice: {
    de: ["DSR-2026-000042", "Nachricht", "Vorgangsseite", caseUrl],
    en: ["DSR-2026-000042", "message", "case page", caseUrl],
  },
  staff_alert: {
    de: ["Frist in 2 Tag(en)", "Löschung (Art. 17 DSGVO)"],
    en: ["due in 2 day(s)", "Erasure (Art. 17 GDPR)"],
  },
  staff_invitation: {
    de: ["Rolle: Datenschutzteam", "zweiten Faktor", "Zur Anmeldung"],
    en: ["as privacy team", "second factor", "Go to sign-in"],
  },
  sign_in_link: {
    de: [signInUrl, "24 Stunden", "27. November 2026 um 10:30 MEZ", "nicht angefordert", "ignorieren"],
    en: [signInUrl, "24 hours", "27 November 2026 at 10:30 CET", "did not ask", "ignore"],
  },
  confirm_request: {
    de: [signInUrl, "Löschung (Art. 17 DSGVO)", "Art. 12 Abs. 3 DSGVO", "24 Stunden", "nach 7 Tagen", "ignorieren"],
    en: [signInUrl, "Erasure (Art. 17 GDPR)", "Art. 12(3) GDPR", "24 hours", "after 7 days", "ignore"],
  },
};

const decode = (html: string) =>
  html
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">");

describe("mail templates", () => {
  it("cover every template", () => {
    expect(Object.keys(samples).sort()).toEqual(Object.keys(templates).sort());
  });

  for (const name of Object.keys(templates) as TemplateName[]) {
    for (const language of ["de", "en"] as const) {
      it(`${name} in ${language}: subject, HTML and text with the required content`, async () => {
        const mail = await renderMail(name, language, samples[name]);
        expect(mail.subject.length).toBeGreaterThan(5);
        expect(mail.html).toContain(`lang="${language}"`);
        for (const fragment of required[name][language]) {
          expect(mail.text, `text part of ${name}/${language}`).toContain(fragment);
          expect(decode(mail.html), `HTML part of ${name}/${language}`).toContain(fragment);
        }
        expect(mail.text).toContain(sender.dpoEmail);
      });
    }
  }

  it("the main link of every mail that has one is a button, and its address is in the plain-text part", async () => {
    let buttons = 0;
    for (const name of Object.keys(templates) as TemplateName[]) {
      for (const language of ["de", "en"] as const) {
        const mail = await renderMail(name, language, samples[name]);
        const links = [...mail.html.matchAll(/<a href="([^"]+)" style="([^"]*)"[^>]*>(.*?)<\/a>/g)].filter(
          ([, href]) => !href!.startsWith("mailto:"),
        );
        if (name === "withdrawal_confirmation") {
          expect(links, `${name}/${language} has nothing to do`).toHaveLength(0);
          continue;
        }
        expect(links, `${name}/${language}: one action`).toHaveLength(1);
        const [, href, style, content] = links[0]!;
        // A link dressed as a button: a block with padding on a coloured ground, its words as its name.
        expect(style, `${name}/${language}`).toMatch(/display:inline-block/);
        expect(style).toMatch(/background-color:#0b3d91/);
        expect(style).toMatch(/padding:12px 24px/);
        const label = decode(content!.replace(/<!--[\s\S]*?-->|<[^>]+>/g, "")).trim();
        expect(label.length, `${name}/${language}: the button's words`).toBeGreaterThan(3);
        expect(mail.text).toContain(`${label} ${decode(href!)}`);
        buttons++;
      }
    }
    expect(buttons).toBe(2 * (Object.keys(templates).length - 1));
  });

  it("German and English differ (no untranslated template)", async () => {
    for (const name of Object.keys(templates) as TemplateName[]) {
      const [de, en] = await Promise.all([
        renderMail(name, "de", samples[name]),
        renderMail(name, "en", samples[name]),
      ]);
      expect(de.subject).not.toBe(en.subject);
    }
  });

  it("a staff alert about the subject's message names the request, not what was written", async () => {
    for (const language of ["de", "en"] as const) {
      const mail = await renderMail("staff_alert", language, {
        ...samples.staff_alert,
        alert: { kind: "subject_message" },
      });
      expect(mail.subject).toContain("DSR-2026-000042");
      expect(mail.subject).toMatch(language === "de" ? /Neue Nachricht/ : /New message/);
    }
  });

  it("shows free text as text: escaped in the HTML part, as typed in the plain-text part", async () => {
    // Texts are stored as typed (lib/input refuses only control and invisible characters), so markup must stay inert.
    const words = 'Max Mustermann <max.alt@example.org>\n"><script>alert(1)</script> & <b>fett</b>';
    for (const language of ["de", "en"] as const) {
      const mail = await renderMail("information_request", language, {
        ...samples.information_request,
        message: words,
      });
      expect(mail.html).not.toMatch(/<script>alert|<b>fett|<max\.alt/);
      expect(mail.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
      expect(mail.text).toContain("Max Mustermann <max.alt@example.org>");
      expect(mail.text).toContain('"><script>alert(1)</script> & <b>fett</b>');
    }
  });

  it("renders a notice from an edited text: placeholders filled, a lone free-text placeholder quoted, markup inert", async () => {
    const text = {
      subject: "Fertig: {{reference}} <b>",
      body: "Hallo {{subjectName}},\n\n<script>x()</script> {{reference}} ({{requestType}}) ist erledigt.\n\n{{summary}}\n\n{{ unknownLeftAsTyped }}",
    };
    const mail = await renderMail(
      "completion",
      "de",
      { ...samples.completion, type: "erasure", subjectName: "Anna" },
      text,
    );
    expect(mail.subject).toBe("Fertig: DSR-2026-000042 <b>");
    expect(mail.text).toContain("Hallo Anna,");
    expect(mail.text).toContain("<script>x()</script> DSR-2026-000042 (Löschung (Art. 17 DSGVO)) ist erledigt.");
    expect(mail.html).not.toContain("<script>x()");
    expect(mail.html).toContain("&lt;script&gt;x()&lt;/script&gt;");
    // The summary stands alone in its paragraph: shown as the quoted block, as the shipped text does.
    expect(mail.html).toMatch(/border-left:3px solid #c9d2e0[^>]*>Copy sent\.</);
    expect(mail.text).toContain("{{ unknownLeftAsTyped }}");
    // The action stays the layout's, after the edited body.
    expect(mail.text).toContain(`Vorgang ansehen ${caseUrl}`);
  });

  it("renders the shipped text when no edited one is given, and drops a paragraph whose placeholder is empty", async () => {
    const shipped = templates.acknowledgement.notice!.defaults.de;
    const byDefault = await renderMail("acknowledgement", "de", samples.acknowledgement);
    expect(await renderMail("acknowledgement", "de", samples.acknowledgement, shipped)).toEqual(byDefault);
    expect(byDefault.text).not.toContain("{{");
    expect(byDefault.text).not.toContain("verknüpft");
    const linked = await renderMail("acknowledgement", "de", {
      ...samples.acknowledgement,
      duplicateOf: "DSR-2026-000007",
    });
    expect(linked.text).toContain("(DSR-2026-000007). Wir haben beide verknüpft");
  });

  it("rejects variables that do not fit the template", async () => {
    await expect(renderMail("refusal", "de", { ...samples.refusal, refusal: { reasons: "x" } })).rejects.toThrow(
      /refusal\.grounds/,
    );
    await expect(renderMail("nope", "de", {})).rejects.toThrow(/unknown mail template/);
  });
});

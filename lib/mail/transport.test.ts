import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SmtpSink } from "../../scripts/test/smtp-sink";
import { parseEnv } from "../config/env";
import { createMailTransport } from "./transport";

describe("SMTP transport against the real test sink", () => {
  const sink = new SmtpSink();
  let port = 0;
  beforeAll(async () => {
    port = await sink.start();
  });
  afterAll(() => sink.stop());

  it("delivers a bilingual multipart mail that the sink parses", async () => {
    const transport = createMailTransport(
      parseEnv({ SMTP_HOST: "127.0.0.1", SMTP_PORT: String(port), SMTP_SECURE: "none" }),
    );
    await transport.sendMail({
      from: "Datenschutz-Portal <privacy@demo.example>",
      to: "anna@example.org",
      subject: "Ihre Anfrage DSR-2026-000001",
      text: "Frist: 28.12.2026",
      html: "<p>Frist: <strong>28.12.2026</strong></p>",
    });
    const mail = await sink.waitFor((m) => m.subject === "Ihre Anfrage DSR-2026-000001");
    expect(mail.envelope.to).toEqual(["anna@example.org"]);
    expect(mail.text.trim()).toBe("Frist: 28.12.2026");
    expect(mail.html).toContain("<strong>28.12.2026</strong>");
  });

  it("surfaces a permanent rejection as an SMTP 550 error", async () => {
    sink.rejectRecipients.add("gone@example.org");
    const transport = createMailTransport(
      parseEnv({ SMTP_HOST: "127.0.0.1", SMTP_PORT: String(port), SMTP_SECURE: "none" }),
    );
    await expect(
      transport.sendMail({ from: "a@demo.example", to: "gone@example.org", subject: "x", text: "x" }),
    ).rejects.toMatchObject({
      responseCode: 550,
    });
  });

  it("refuses to build a transport without SMTP_HOST", () => {
    expect(() => createMailTransport(parseEnv({}))).toThrow(/SMTP_HOST/);
  });
});

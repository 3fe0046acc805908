import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger";
import { maskEmail, maskIps, REDACTED, scrub, scrubText } from "./mask";

describe("personal data never reaches the logs (Art. 5(1)(c))", () => {
  it("masks email addresses but keeps the domain's shape for debugging", () => {
    expect(maskEmail("anna.schmidt@example.org")).toBe("***@e***.org");
    expect(scrubText("sent to anna@mail.example.de and bob@x.io")).toBe("sent to ***@m***.de and ***@x***.io");
    expect(scrubText("jörg@müller.de wrote")).toBe("***@m***.de wrote");
  });

  it("masks IPv4 and IPv6 addresses down to their network part", () => {
    expect(maskIps("from 192.168.17.23")).toBe("from 192.168.x.x");
    expect(maskIps("from 2001:db8:85a3::8a2e:370:7334")).toBe("from 2001:db8:x::");
    expect(maskIps("via ::ffff:10.0.0.1 and fe80::1")).toBe("via ::x:: and fe80::x::");
    expect(maskIps("at 12:30 on 1.2.3")).toBe("at 12:30 on 1.2.3");
    expect(maskIps("addr:2001:db8::1 seen")).toBe("addr:2001:db8:x:: seen");
    expect(maskIps("version 999.1.2.3")).toBe("version 999.1.2.3");
  });

  it("drops name, address and secret fields and masks nested values", () => {
    const out = scrub({
      name: "Anna Schmidt",
      request: { email: "anna@example.org", ip: "10.1.2.3", type: "access" },
      token: "abc",
    });
    expect(out).toEqual({
      name: REDACTED,
      request: { email: "***@e***.org", ip: "10.1.x.x", type: "access" },
      token: REDACTED,
    });
  });

  it("scrubs error messages and stacks", () => {
    const out = scrub(new Error("no mailbox anna@example.org")) as { message: string; stack: string };
    expect(out.message).toBe("no mailbox ***@e***.org");
    expect(out.stack).not.toContain("anna@example.org");
  });

  it("the real logger writes JSON lines without the personal data it was given", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, callback) {
        lines.push(String(chunk));
        callback();
      },
    });
    const log = createLogger("info", sink);
    log.info({ email: "anna@example.org", name: "Anna", ip: "203.0.113.9" }, "request from anna@example.org");
    log.error({ err: new Error("bounce for bob@example.com") }, "mail failed");
    const text = lines.join("");
    expect(text).not.toMatch(/anna@example\.org|bob@example\.com|203\.0\.113\.9|"Anna"/);
    expect(JSON.parse(lines[0]!)).toMatchObject({ msg: "request from ***@e***.org", ip: "203.0.x.x" });
  });
});

import { describe, expect, it } from "vitest";
import { readTicket, signTicket } from "./signed-ticket";

const secret = "s".repeat(32);
const now = new Date("2026-11-30T12:00:00Z");

describe("signed tickets", () => {
  it("give back their payload, Unicode included, until they expire", () => {
    const ticket = signTicket(secret, "sign-in-link", '{"email":"jörg@exämple.org"}', 600, now);
    expect(readTicket(secret, "sign-in-link", ticket, now)).toBe('{"email":"jörg@exämple.org"}');
    expect(readTicket(secret, "sign-in-link", ticket, new Date(now.getTime() + 599_000))).not.toBeNull();
    expect(readTicket(secret, "sign-in-link", ticket, new Date(now.getTime() + 600_000))).toBeNull();
  });

  it("are worth nothing for another purpose, under another secret, or changed in any part", () => {
    const ticket = signTicket(secret, "filed-request", "request-1", 600, now);
    expect(readTicket(secret, "sign-in-link", ticket, now)).toBeNull();
    expect(readTicket("t".repeat(32), "filed-request", ticket, now)).toBeNull();
    const [payload, expiry, mac] = ticket.split(".");
    const other = Buffer.from("request-2").toString("base64url");
    expect(readTicket(secret, "filed-request", `${other}.${expiry}.${mac}`, now)).toBeNull();
    expect(readTicket(secret, "filed-request", `${payload}.${Number(expiry) + 3600}.${mac}`, now)).toBeNull();
    expect(readTicket(secret, "filed-request", `${payload}.${expiry}.${mac!.slice(1)}A`, now)).toBeNull();
  });

  it.each([undefined, null, 42, "", "a.b", "a.1.x", "..", "%%%.1.abc", "a".repeat(5000), ["a.1.b"]])(
    "read %j as no ticket, without throwing",
    (value) => {
      expect(readTicket(secret, "filed-request", value, now)).toBeNull();
    },
  );
});

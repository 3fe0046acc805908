// The client's address as the server stamps it: the socket's peer, or X-Forwarded-For read only as
// far as our own proxies go; a client's own x-portal-client-ip never survives.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER, clientAddress, limitedBlock, normaliseAddress, stampClientAddress } from "./client-address";

describe("clientAddress", () => {
  it("is the socket's peer without trusted proxies, whatever X-Forwarded-For says", () => {
    expect(clientAddress({ "x-forwarded-for": "203.0.113.9" }, "192.0.2.1", 0)).toBe("192.0.2.1");
    expect(clientAddress({}, "::ffff:192.0.2.1", 0)).toBe("192.0.2.1");
    expect(clientAddress({}, undefined, 0)).toBeNull();
  });

  it("with hops, takes the entry that many from the right of X-Forwarded-For", () => {
    const headers = { "x-forwarded-for": "6.6.6.6, 203.0.113.9 , 198.51.100.7" };
    expect(clientAddress(headers, "10.0.0.1", 1)).toBe("198.51.100.7");
    expect(clientAddress(headers, "10.0.0.1", 2)).toBe("203.0.113.9");
    // Several header lines are one list, in order.
    expect(clientAddress({ "x-forwarded-for": ["6.6.6.6", "203.0.113.9"] }, "10.0.0.1", 1)).toBe("203.0.113.9");
  });

  it("with fewer entries than hops, takes the leftmost; with none, the socket", () => {
    expect(clientAddress({ "x-forwarded-for": "203.0.113.9" }, "10.0.0.1", 3)).toBe("203.0.113.9");
    expect(clientAddress({}, "10.0.0.1", 1)).toBe("10.0.0.1");
  });

  it("falls back to the socket for an entry that is no address (an unknown address would skip the per-IP limits)", () => {
    expect(clientAddress({ "x-forwarded-for": "evil, not-an-ip" }, "10.0.0.1", 1)).toBe("10.0.0.1");
  });

  it("normalises the forms proxies write", () => {
    expect(normaliseAddress("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normaliseAddress("203.0.113.9:5123")).toBe("203.0.113.9");
    expect(normaliseAddress("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(normaliseAddress("unknown")).toBeNull();
  });
});

describe("limitedBlock: what a per-IP limit counts as one client", () => {
  it("puts every address of one IPv6 /64 in one block", () => {
    const block = limitedBlock("2001:db8:1:2::1");
    expect(block).toBe("2001:db8:1:2::/64");
    expect(limitedBlock("2001:db8:1:2::2")).toBe(block);
    expect(limitedBlock("2001:db8:1:2:ffff:ffff:ffff:ffff")).toBe(block);
    expect(limitedBlock("2001:db8:1:2:a:b:c:d")).toBe(block);
  });

  it("keeps different /64s apart, even next to each other", () => {
    expect(limitedBlock("2001:db8:1:3::1")).not.toBe(limitedBlock("2001:db8:1:2::1"));
    expect(limitedBlock("2001:db8:1:2::1")).not.toBe(limitedBlock("2001:db8:0:1:2::1"));
    expect(limitedBlock("fe80::1")).not.toBe(limitedBlock("fe80:0:0:1::1"));
  });

  it("gives one block for every spelling of an address: compressed, expanded, upper case, bracketed", () => {
    const spellings = [
      "2001:db8:0:a::17",
      "2001:0db8:0000:000a:0000:0000:0000:0017",
      "2001:DB8:0:A:0:0:0:17",
      "2001:db8::a:0:0:0:17",
      "[2001:db8:0:a::17]:443",
      " 2001:db8:0:a::17 ",
    ];
    expect(new Set(spellings.map(limitedBlock))).toEqual(new Set(["2001:db8:0:a::/64"]));
    expect(limitedBlock("::")).toBe("0:0:0:0::/64");
    expect(limitedBlock("1::")).toBe(limitedBlock("0001:0000:0000:0000:ffff::"));
    expect(limitedBlock("64:ff9b::192.0.2.1")).toBe("64:ff9b:0:0::/64");
  });

  it("leaves IPv4 alone, also written as IPv4-mapped IPv6", () => {
    expect(limitedBlock("198.51.100.1")).toBe("198.51.100.1");
    expect(limitedBlock("198.51.100.2")).not.toBe(limitedBlock("198.51.100.1"));
    expect(limitedBlock("::ffff:198.51.100.1")).toBe("198.51.100.1");
    expect(limitedBlock("198.51.100.1:8080")).toBe("198.51.100.1");
  });

  it("returns anything that is no address as it came, trimmed", () => {
    expect(limitedBlock(" not-an-address ")).toBe("not-an-address");
  });
});

describe("stampClientAddress on a real server", () => {
  async function seenBy(hops: number, headers: Record<string, string>): Promise<string | null> {
    const server = http.createServer((req, res) => {
      stampClientAddress(req.headers, req.socket.remoteAddress, hops);
      res.end(JSON.stringify(req.headers[CLIENT_IP_HEADER] ?? null));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      return (await (await fetch(`http://127.0.0.1:${port}/`, { headers })).json()) as string | null;
    } finally {
      server.close();
    }
  }

  it("overwrites a client's own header with the socket's address", async () => {
    expect(await seenBy(0, { [CLIENT_IP_HEADER]: "203.0.113.66", "x-forwarded-for": "203.0.113.67" })).toBe(
      "127.0.0.1",
    );
  });

  it("behind one proxy, takes the address it appended", async () => {
    const forged = { [CLIENT_IP_HEADER]: "203.0.113.66", "x-forwarded-for": "203.0.113.67, 198.51.100.7" };
    expect(await seenBy(1, forged)).toBe("198.51.100.7");
  });

  it("replaces a client's own header with the socket's address when the forwarded entry is garbage", async () => {
    expect(await seenBy(1, { [CLIENT_IP_HEADER]: "203.0.113.66", "x-forwarded-for": "garbage" })).toBe("127.0.0.1");
  });
});

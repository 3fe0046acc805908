import { describe, expect, it } from "vitest";
import { isLoopbackHost, listenHost } from "./listen-host";

describe("listenHost", () => {
  it("is the loopback interface in demo mode and every interface in production, unless HOST says otherwise", () => {
    expect(listenHost({ PORTAL_MODE: "demo" })).toBe("127.0.0.1");
    expect(listenHost({ PORTAL_MODE: "production" })).toBe("0.0.0.0");
    expect(listenHost({ PORTAL_MODE: "demo", HOST: "0.0.0.0" })).toBe("0.0.0.0");
    expect(listenHost({ PORTAL_MODE: "production", HOST: "10.0.0.5" })).toBe("10.0.0.5");
  });
});

describe("isLoopbackHost", () => {
  it.each([
    "127.0.0.1",
    "127.8.9.10",
    "::1",
    "[::1]",
    "0:0:0:0:0:0:0:1",
    "::ffff:127.0.0.1",
    "localhost",
    "LOCALHOST",
    "a.localhost",
  ])("%s is loopback", (host) => expect(isLoopbackHost(host)).toBe(true));
  it.each([
    "0.0.0.0",
    "::",
    "192.168.1.20",
    "10.0.0.1",
    "128.0.0.1",
    "::2",
    "::ffff:10.0.0.1",
    "portal.example",
    "localhost.example",
  ])("%s is not", (host) => expect(isLoopbackHost(host)).toBe(false));
});

import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY_POLICY, describeMailError, isPermanentFailure, retryDelayMs } from "./retry-policy";

describe("mail retry policy", () => {
  it("backs off exponentially up to the cap", () => {
    const policy = { baseDelayMs: 1000, maxDelayMs: 10_000, maxAttempts: 5 };
    expect([1, 2, 3, 4, 5, 6].map((n) => retryDelayMs(n, policy))).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
    expect(DEFAULT_RETRY_POLICY.maxAttempts).toBeGreaterThan(1);
  });

  it.each([
    [{ responseCode: 550, command: "RCPT TO", response: "550 5.1.1 unknown user" }, true],
    [{ responseCode: 552, command: "DATA", response: "552 message too big" }, true],
    [{ responseCode: 553, command: "MAIL FROM", response: "553 sender rejected" }, true],
    // A login or connection problem says nothing about this mail: fix the configuration and it goes out.
    [{ responseCode: 535, command: "AUTH PLAIN", response: "535 5.7.8 authentication failed" }, false],
    [{ responseCode: 421, command: "RCPT TO", response: "421 try again later" }, false],
    [{ code: "ECONNREFUSED", message: "connect ECONNREFUSED 127.0.0.1:25" }, false],
  ])("%o is permanent: %s", (error, permanent) => {
    expect(isPermanentFailure(error)).toBe(permanent);
  });

  it("keeps the server's answer for staff to read", () => {
    expect(describeMailError({ responseCode: 550, response: "550 5.1.1 unknown user" })).toBe("550 5.1.1 unknown user");
    expect(describeMailError({ code: "ECONNREFUSED", message: "connect ECONNREFUSED" })).toBe(
      "ECONNREFUSED: connect ECONNREFUSED",
    );
  });
});

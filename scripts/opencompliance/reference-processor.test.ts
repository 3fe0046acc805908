// The demo entry point: `npm run -s opencompliance:processor -- --port N` prints its URL and
// certificate path and answers discovery signed for processor-a.test.
import { spawn } from "node:child_process";
import path from "node:path";
import { expect, it } from "vitest";
import { verifySignedBody } from "../../lib/fulfilment/opencompliance/signature";
import { testIdentity } from "./reference-processor";

const root = path.resolve(import.meta.dirname, "../..");

/** The demo command as npm runs it, as one node process (so killing it stops the server). */
function startCli(...args: string[]) {
  return spawn(process.execPath, ["--import", "tsx", "scripts/opencompliance/reference-processor.ts", ...args], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
  });
}

it("starts from the command line, prints URL and certificate, and serves a signed discovery", async () => {
  const child = startCli("--port", "0");
  try {
    const output = await new Promise<string>((resolve, reject) => {
      let text = "";
      child.stdout.on("data", (chunk: Buffer) => {
        text += chunk.toString();
        if (text.includes("certificate:")) resolve(text);
      });
      child.on("exit", (code) => reject(new Error(`exited ${code}: ${text}`)));
    });
    const url = /at (http:\/\/127\.0\.0\.1:\d+\/v2)/.exec(output)?.[1];
    expect(output).toContain(`certificate: ${testIdentity("processor-a").certificatePath}`);
    const response = await fetch(`${url}/discovery`);
    const body = new Uint8Array(await response.arrayBuffer());
    expect(verifySignedBody(body, response.headers, testIdentity("processor-a").certificatePem)).toEqual({
      ok: true,
      processorDomain: "processor-a.test",
    });
  } finally {
    child.kill("SIGTERM");
  }
});

it("refuses a bad port with a usage line and exit code 2", async () => {
  const child = startCli("--port", "x");
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  expect(code).toBe(2);
  expect(stderr).toMatch(/^error: usage: reference-processor --port N/);
});

// Shared by the connector's tests: a real HTTP callback endpoint in front of
// handleCallback, keeping what it recorded as the portal's task would.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { handleCallback, type CallbackOutcome, type KnownProcessorRequest } from "./callback";
import { testIdentity } from "../../../scripts/opencompliance/reference-processor";

export const processorA = testIdentity("processor-a");
export const processorB = testIdentity("processor-b");

export interface CallbackReceiver {
  url: string;
  known: Map<string, KnownProcessorRequest>;
  outcomes: CallbackOutcome[];
  /** Resolves when an outcome matching `predicate` has been recorded (the test's own timeout bounds it). */
  waitFor(predicate: (outcome: CallbackOutcome) => boolean): Promise<CallbackOutcome>;
  close(): Promise<void>;
}

/** Starts the endpoint on port 0; "record" outcomes update `known` like the task would. */
export async function startCallbackReceiver(): Promise<CallbackReceiver> {
  const known = new Map<string, KnownProcessorRequest>();
  const outcomes: CallbackOutcome[] = [];
  const waiters: { predicate: (o: CallbackOutcome) => boolean; resolve: (o: CallbackOutcome) => void }[] = [];
  let url = "";
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      void handleCallback(Buffer.concat(chunks), req.headers, {
        trustedCertificates: {
          [processorA.domain]: processorA.certificatePem,
          [processorB.domain]: processorB.certificatePem,
        },
        expectedCallbackUrl: url,
        lookup: (id) => known.get(id),
      }).then((outcome) => {
        if (outcome.status === 202 && outcome.outcome === "record") {
          const entry = known.get(outcome.update.subjectRequestId);
          if (entry) entry.status = outcome.update.requestStatus;
        }
        outcomes.push(outcome);
        for (const waiter of waiters.filter((w) => w.predicate(outcome))) waiter.resolve(outcome);
        res.writeHead(outcome.status).end();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/opencompliance/callbacks`;
  return {
    url,
    known,
    outcomes,
    waitFor(predicate) {
      const found = outcomes.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve) => waiters.push({ predicate, resolve }));
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

// The HTTP server: Next.js's request handler behind a plain Node server, so that
// shutdown is ours to control. On SIGTERM/SIGINT it stops accepting connections,
// lets requests in flight finish (up to SHUTDOWN_TIMEOUT_MS), closes the database
// and exits 0.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import next from "next";
import type { NextConfig } from "next";
import { MAX_REQUEST_BODY_BYTES } from "../../lib/attachments/limits";
import { logger } from "../../lib/log/logger";
import { admitRequest } from "../../lib/request-gate/admit-request";
import { stampClientAddress } from "../../lib/security/client-address";
import { warmIntakeLane, withIntakeLane } from "./intake-lane";
import { withPageCache } from "./page-cache";

export interface ServeOptions {
  root: string;
  host: string;
  port: number;
  dev: boolean;
  shutdownTimeoutMs: number;
  /** Reverse proxies in front of this server whose X-Forwarded-For entries count (TRUST_PROXY_HOPS). */
  trustProxyHops: number;
  /** The Content-Security-Policy options of the proxy (lib/security/csp.ts), for the cached public pages. */
  policy: { development: boolean; https: boolean };
  /** Runs after the server stopped accepting requests, before the database closes (e.g. stop the jobs). */
  beforeClose?: () => Promise<void>;
}

/**
 * The configuration the build resolved from next.config.js, as Next.js's own standalone server passes it:
 * loading next.config.js again (and the next-intl plugin it imports) is a good part of a start's time.
 */
function builtConfig(root: string): NextConfig {
  const file = path.join(root, ".next/required-server-files.json");
  return (JSON.parse(fs.readFileSync(file, "utf8")) as { config: NextConfig }).config;
}

export async function serve(options: ServeOptions): Promise<http.Server> {
  // Next.js reads this (private) variable instead of next.config.js, exactly as the server.js of its
  // standalone output does; were it ever dropped, Next.js would load next.config.js as before.
  if (!options.dev) process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(builtConfig(options.root));
  const app = next({
    dev: options.dev,
    dir: options.root,
    hostname: options.host,
    port: options.port,
  });
  // In development every page renders afresh, as Next.js's own server does there.
  const handle = options.dev ? app.getRequestHandler() : withPageCache(app.getRequestHandler(), options.policy);
  // Request forms of people not signed in are filed before Next.js (lib/intake-lane/), in both modes.
  const serveAdmitted = withIntakeLane(handle);
  await app.prepare();

  const server = http.createServer((req, res) => {
    // Server actions see only headers: this one tells them the client's address (lib/security/client-context.ts).
    stampClientAddress(req.headers, req.socket.remoteAddress, options.trustProxyHops);
    // This server speaks plain HTTP; a TLS proxy's X-Forwarded-Proto: https would make Next.js fetch
    // itself over https on our plain port for a server action's redirect, fail, and log an error.
    // Nothing of ours reads the scheme from the request: links and cookies follow PUBLIC_URL.
    delete req.headers["x-forwarded-proto"];
    // Malformed requests are answered with their 4xx before Next.js, which would answer many with 500.
    admitRequest(req, res, MAX_REQUEST_BODY_BYTES)
      .then((admitted) => admitted && serveAdmitted(admitted, res))
      .catch((error: unknown) => {
        logger.error({ err: error }, "request failed before reaching Next.js");
        if (!res.headersSent) res.writeHead(500).end();
      });
  });
  // Longer than the idle timeout of the usual reverse proxies and HTTP clients (60 s): with Node's 5 s
  // default, a client reusing a keep-alive connection the server is just closing gets ECONNRESET.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  warmIntakeLane();

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down: no new connections, finishing requests in flight");
    const force = setTimeout(() => {
      logger.warn("shutdown timeout reached; closing remaining connections");
      server.closeAllConnections();
    }, options.shutdownTimeoutMs);
    force.unref();
    server.close(() => {
      void (async () => {
        let clean = true;
        // The process's Prisma client (one per process via globalThis, lib/db/client.ts), loaded here only at shutdown:
        // importing it at start would cost a start that never seeds both generated clients.
        const disconnectDb = () => import("../../lib/db/client").then((client) => client.disconnectDb());
        for (const step of [() => app.close(), () => options.beforeClose?.(), disconnectDb]) {
          // Every step runs even if one before it failed: the database must be closed regardless.
          await Promise.resolve()
            .then(step)
            .catch((error: unknown) => {
              clean = false;
              logger.error({ err: error }, "shutdown step failed");
            });
        }
        logger.info({ clean }, "shutdown complete");
        process.exit(clean ? 0 : 1);
      })();
    });
    server.closeIdleConnections();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  return server;
}

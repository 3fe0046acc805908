// A TLS-terminating reverse proxy for the e2e tests of the production variant (scripts/test/e2e-server.ts
// --production): the browser speaks HTTPS to portal.example, as it would to a real deployment, and the
// portal sees what a proxy in front of it sends (Host kept, X-Forwarded-For and -Proto added). The
// certificate is self-signed, made here with openssl; the tests' browser is told to accept it.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { E2E_PRODUCTION_HOST, E2E_PRODUCTION_PORT, E2E_TLS_PORT } from "../../e2e/support/environment";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dir = path.join(root, ".test-artifacts/tls");
fs.mkdirSync(dir, { recursive: true });
const key = path.join(dir, "key.pem");
const cert = path.join(dir, "cert.pem");
execFileSync(
  "openssl",
  [
    "req",
    "-x509",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-days",
    "2",
    "-subj",
    `/CN=${E2E_PRODUCTION_HOST}`,
    "-addext",
    `subjectAltName=DNS:${E2E_PRODUCTION_HOST},IP:127.0.0.1`,
    "-keyout",
    key,
    "-out",
    cert,
  ],
  { stdio: "ignore" },
);

const server = https.createServer({ key: fs.readFileSync(key), cert: fs.readFileSync(cert) }, (req, res) => {
  const forwardedFor = [req.headers["x-forwarded-for"], req.socket.remoteAddress].flat().filter(Boolean).join(", ");
  const upstream = http.request(
    {
      host: "127.0.0.1",
      port: E2E_PRODUCTION_PORT,
      method: req.method,
      path: req.url,
      headers: { ...req.headers, "x-forwarded-for": forwardedFor, "x-forwarded-proto": "https" },
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
      answer.pipe(res);
    },
  );
  upstream.on("error", () => {
    if (!res.headersSent) res.writeHead(502, { "Content-Type": "text/plain" });
    res.end("upstream unavailable\n");
  });
  req.pipe(upstream);
});
server.listen(E2E_TLS_PORT, "127.0.0.1");
for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => server.close(() => process.exit(0)));

// @ts-check
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import("next").NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native and worker-based packages stay plain Node modules instead of being bundled.
  serverExternalPackages: ["better-sqlite3", "pg", "pino", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg"],
  typescript: { tsconfigPath: "tsconfig.json" },
  turbopack: {
    // The browser converts e-mail domains with its own IDNA (lib/input/domain-to-ascii.browser.ts): tr46's
    // tables (~99 KB gzipped) stay on the server, which checks every form again with the real thing.
    resolveAlias: { tr46: { browser: "./lib/input/domain-to-ascii.browser.ts" } },
  },
  experimental: {
    // A form with attachments must reach its server action even when a file is over
    // ATTACHMENT_MAX_MB (at most 20), so the form can say "file too large" in a field error
    // instead of the browser showing a bare error page. Both limits default lower: server
    // actions refuse bodies over 1 MB, and the proxy (proxy.ts) buffers at most 10 MB of a
    // body and passes on the rest cut off. Bodies over 25 MB are refused with 413 in front of
    // Next.js (lib/request-gate/; MAX_REQUEST_BODY_BYTES in lib/attachments/limits.ts is the same number).
    serverActions: { bodySizeLimit: "25mb" },
    proxyClientMaxBodySize: "25mb",
  },
};

export default withNextIntl(nextConfig);

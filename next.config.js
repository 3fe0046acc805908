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
};

export default withNextIntl(nextConfig);

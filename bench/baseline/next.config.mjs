// The bare Next.js 16 app the benchmarks compare the portal with (bench/README.md): one route handler
// that does one raw insert per JSON post, and one static page. Nothing else: no proxy, no CSP, no i18n.
/** @type {import("next").NextConfig} */
const config = {
  poweredByHeader: false,
  serverExternalPackages: ["better-sqlite3", "pg"],
};
export default config;

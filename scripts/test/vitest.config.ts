import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export default defineConfig({
  root,
  resolve: {
    alias: {
      "@": root,
      // The real package throws outside React Server Components; in tests the guarded modules run in plain Node.
      "server-only": path.join(root, "scripts/test/server-only-in-tests.ts"),
    },
  },
  test: {
    include: [
      "lib/**/*.test.ts",
      "scripts/**/*.test.ts",
      "prisma/**/*.test.ts",
      "app/**/*.test.ts",
      "components/**/*.test.ts",
    ],
    exclude: ["node_modules/**", "e2e/**", ".next/**"],
    environment: "node",
    globalSetup: [path.join(root, "scripts/test/global-setup.ts")],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});

// @ts-check
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  prettier,
  globalIgnores([
    "**/.next/**",
    "node_modules/**",
    "lib/db/generated/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
    "data/**",
    ".test-artifacts/**",
  ]),
  {
    rules: {
      // One module reads the environment (lib/config/env.ts); everything else asks it.
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through lib/config/env.ts." },
      ],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The config module itself, and tooling that passes an environment on to child processes.
    files: ["lib/config/env.ts", "scripts/**", "e2e/**", "bench/**", "**/*.test.ts", "prisma/**"],
    rules: { "no-restricted-properties": "off" },
  },
]);

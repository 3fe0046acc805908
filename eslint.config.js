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
    // Dates, times, numbers and sizes reach people through lib/format, one style per language
    // (ARCHITECTURE.md, "Dates and numbers"); next-intl's formatter would write English the US way.
    files: ["app/**", "components/**", "lib/**"],
    ignores: ["lib/format/**", "**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { name: "next-intl", importNames: ["useFormatter"], message: "Format with lib/format." },
        {
          name: "next-intl/server",
          importNames: ["getFormatter"],
          message: "Format with lib/format (getPortalFormat).",
        },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name=/^toLocale(Date|Time)?String$/]",
          message: "Format with lib/format.",
        },
      ],
    },
  },
  {
    files: ["app/**", "components/**", "lib/mail/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name=/^toLocale(Date|Time)?String$/]",
          message: "Format with lib/format.",
        },
        {
          selector: "NewExpression[callee.object.name='Intl'][callee.property.name=/^(DateTimeFormat|NumberFormat)$/]",
          message: "Format with lib/format.",
        },
      ],
    },
  },
  {
    // The config module itself, and tooling that passes an environment on to child processes.
    files: ["lib/config/env.ts", "scripts/**", "e2e/**", "bench/**", "**/*.test.ts", "prisma/**"],
    rules: { "no-restricted-properties": "off" },
  },
]);

// What "server-only" resolves to under Vitest (see scripts/test/vitest.config.ts): nothing to guard there.
export {};

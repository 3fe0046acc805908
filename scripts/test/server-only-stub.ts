// Test stand-in for the "server-only" package (see scripts/test/vitest.config.ts).
export {};

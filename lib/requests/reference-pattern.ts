// The shape of a request's reference (lib/requests/next-reference.ts writes them): DSR-2026-000123.

/** Every reference in a text (global: use with split, matchAll or replace). */
export const REFERENCE_IN_TEXT = /(DSR-\d{4}-\d{6})/g;

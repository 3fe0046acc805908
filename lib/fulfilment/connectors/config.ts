// What a Connector row's JSON columns may hold, per kind (prisma ConnectorKind): `config` is checked
// here whenever the DPO saves a connector and whenever the runner reads one, so a driver never meets a
// setting it does not understand. `registerEntries` must name entries of the processing register
// (content/register.ts): a task is planned for a connector only where its entries matter to the request
// type (lib/fulfilment/tasks/plan-tasks.ts). Pure.
import { z } from "zod";
import { registerEntry } from "../../privacy";

export const connectorKinds = ["demo_platform", "opencompliance", "manual"] as const;
export type ConnectorKind = (typeof connectorKinds)[number];

/**
 * A processor's base URL: https, or http only on this machine (the reference processor in tests and the
 * demo). Personal data never travel to a processor in the clear.
 */
const baseUrl = z.url({ error: "invalid_url" }).refine(
  (value) => {
    const url = new URL(value);
    if (url.protocol === "https:") return true;
    return url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  },
  { error: "https_required" },
);

const pem = z
  .string()
  .trim()
  .refine((v) => /^-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----$/.test(v), {
    error: "invalid_certificate",
  });

/** OpenCompliance v1 processor: where it is, its domain, and the certificate pinned for that domain (spec 8.8). */
export const opencomplianceConfigSchema = z.object({
  baseUrl,
  domain: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, { error: "invalid_domain" }),
  certificatePem: pem,
  /** Per exchange, in milliseconds. */
  timeoutMs: z.number().int().min(1_000).max(120_000).default(10_000),
});

/** A system without an API: what its owner is to do, in both languages. */
export const manualConfigSchema = z.object({
  instructions: z.object({
    de: z.string().trim().min(1, { error: "required" }).max(5_000, { error: "too_long" }),
    en: z.string().trim().min(1, { error: "required" }).max(5_000, { error: "too_long" }),
  }),
});

/** The built-in demo platform needs no settings (its tables are in this database). */
export const demoPlatformConfigSchema = z.object({}).strict();

export const connectorConfigSchemas = {
  opencompliance: opencomplianceConfigSchema,
  manual: manualConfigSchema,
  demo_platform: demoPlatformConfigSchema,
} as const satisfies Record<ConnectorKind, z.ZodType>;

export type ConnectorConfig<K extends ConnectorKind> = z.output<(typeof connectorConfigSchemas)[K]>;
export type OpenComplianceConfig = ConnectorConfig<"opencompliance">;
export type ManualConfig = ConnectorConfig<"manual">;

/** The register entry ids a connector holds: known ids, no repeats, at least one. */
export const registerEntriesSchema = z
  .array(z.string())
  .min(1, { error: "tick_at_least_one" })
  .max(50, { error: "too_many" })
  .refine((ids) => ids.every((id) => registerEntry(id) !== undefined), { error: "unknown_register_entry" })
  .transform((ids) => [...new Set(ids)]);

export type ValidConfig =
  | { kind: "opencompliance"; config: OpenComplianceConfig }
  | { kind: "manual"; config: ManualConfig }
  | { kind: "demo_platform"; config: ConnectorConfig<"demo_platform"> };

/**
 * Checks a stored or submitted `config` for `kind`. Returns the parsed value (defaults filled in), or
 * the issues as `path: code` strings for the form and for the runner's dead-letter message.
 */
export function parseConnectorConfig(
  kind: ConnectorKind,
  config: unknown,
): { ok: true; value: ValidConfig } | { ok: false; issues: string[] } {
  const parsed = connectorConfigSchemas[kind].safeParse(config);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map(issueText) };
  return { ok: true, value: { kind, config: parsed.data } as ValidConfig };
}

/** Checks a connector's register entry ids (content/register.ts). */
export function parseRegisterEntries(value: unknown): { ok: true; value: string[] } | { ok: false; issues: string[] } {
  const parsed = registerEntriesSchema.safeParse(value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, issues: parsed.error.issues.map(issueText) };
}

function issueText(issue: z.core.$ZodIssue): string {
  return `${issue.path.join(".") || "value"}: ${issue.message}`;
}

// A processor connector's settings (Connector.config for kind "opencompliance"), as the DPO enters them in
// the back office. The same shape as lib/fulfilment/connectors/config.ts's processor entry (one schema once
// the two are joined). Pure.
import { X509Certificate } from "node:crypto";
import { z } from "zod";

/** The shortest and longest a processor may take for one exchange (timeoutMs). */
export const PROCESSOR_TIMEOUT_MS = { min: 100, max: 120_000, default: 10_000 } as const;

/**
 * `baseUrl`: the processor's API root with the major version (OpenDSR section 3.4), e.g. https://p.example/v2.
 * `domain`: the domain it signs for (X-OpenCompliance-Processor-Domain), stored lower-case.
 * `certificatePem`: the certificate pinned for that domain (PEM); every answer and callback is checked with it.
 * `timeoutMs`: the most one exchange (answer and body) may take; after it the attempt fails, retryable.
 */
export const opencomplianceConfigSchema = z.object({
  baseUrl: z.url({ protocol: /^https?$/ }).transform((url) => url.replace(/\/+$/, "")),
  domain: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/, "a domain name"),
  certificatePem: z
    .string()
    .trim()
    .refine((pem) => {
      try {
        new X509Certificate(pem);
        return true;
      } catch {
        return false;
      }
    }, "a PEM certificate"),
  timeoutMs: z
    .number()
    .int()
    .min(PROCESSOR_TIMEOUT_MS.min)
    .max(PROCESSOR_TIMEOUT_MS.max)
    .default(PROCESSOR_TIMEOUT_MS.default),
});

export type OpencomplianceConfig = z.output<typeof opencomplianceConfigSchema>;

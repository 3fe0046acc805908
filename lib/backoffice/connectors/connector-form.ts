// The DPO's connector form, read and checked: the common fields, the owner (a staff member, or an outside
// owner with name and address, or nobody), the register entries, and the settings of the chosen kind
// (lib/fulfilment/connectors/config.ts). Errors are codes per field; the page turns them into words. Pure.
import { z } from "zod";
import {
  connectorKinds,
  parseConnectorConfig,
  parseRegisterEntries,
  type ConnectorKind,
} from "../../fulfilment/connectors/config";
import { emailAddress, requiredText, text } from "../../input/schemas";

/** What the form posts, as strings (checkboxes: the ticked values). */
export interface ConnectorFormValues {
  key: string;
  name: string;
  kind: string;
  ownerUserId: string;
  ownerName: string;
  ownerEmail: string;
  registerEntries: string[];
  required: boolean;
  enabled: boolean;
  baseUrl: string;
  domain: string;
  certificatePem: string;
  timeoutMs: string;
  instructionsDe: string;
  instructionsEn: string;
}

export interface ConnectorInput {
  key: string;
  name: string;
  kind: ConnectorKind;
  config: object;
  registerEntries: string[];
  ownerUserId: string | null;
  ownerName: string | null;
  ownerEmail: string | null;
  required: boolean;
  enabled: boolean;
}

export type ConnectorFormErrors = Partial<Record<keyof ConnectorFormValues | "owner", string>>;

/** Lower-case letters, digits and dashes, starting with a letter: a safe path segment (data/<key>/ in the package). */
export const CONNECTOR_KEY = /^[a-z][a-z0-9-]{1,39}$/;

const configFields: Record<string, keyof ConnectorFormValues> = {
  baseUrl: "baseUrl",
  domain: "domain",
  certificatePem: "certificatePem",
  timeoutMs: "timeoutMs",
  "instructions.de": "instructionsDe",
  "instructions.en": "instructionsEn",
};

/** Reads `form` (FormData or the like) into values, each string cut at twice its limit. */
export function connectorFormValues(form: {
  get(name: string): unknown;
  getAll(name: string): unknown[];
}): ConnectorFormValues {
  const str = (name: string, max = 500) => {
    const value = form.get(name);
    return typeof value === "string" ? value.slice(0, max * 2) : "";
  };
  return {
    key: str("key", 40),
    name: str("name", 200),
    kind: str("kind", 40),
    ownerUserId: str("ownerUserId", 40),
    ownerName: str("ownerName", 200),
    ownerEmail: str("ownerEmail", 254),
    registerEntries: form
      .getAll("registerEntries")
      .filter((v): v is string => typeof v === "string")
      .slice(0, 100),
    required: form.get("required") === "yes",
    enabled: form.get("enabled") === "yes",
    baseUrl: str("baseUrl", 500),
    domain: str("domain", 253),
    certificatePem: str("certificatePem", 20_000),
    timeoutMs: str("timeoutMs", 10),
    instructionsDe: str("instructionsDe", 5_000),
    instructionsEn: str("instructionsEn", 5_000),
  };
}

/**
 * Checks `values`. `fixed` (when editing) keeps the stored key and kind: the key names the system's folder
 * in packages already written, and a kind's tasks belong to its driver.
 */
export function readConnectorForm(
  values: ConnectorFormValues,
  fixed?: { key: string; kind: ConnectorKind },
): { ok: true; input: ConnectorInput } | { ok: false; errors: ConnectorFormErrors } {
  const errors: ConnectorFormErrors = {};
  const key = fixed?.key ?? values.key.trim();
  if (!fixed && !CONNECTOR_KEY.test(key)) errors.key = "invalid_key";
  const name = requiredText({ max: 200 }).safeParse(values.name);
  if (!name.success) errors.name = name.error.issues[0]?.message ?? "invalid";
  const kind: ConnectorKind | undefined = fixed?.kind ?? connectorKinds.find((k) => k === values.kind);
  if (!kind) errors.kind = "invalid_choice";

  const entries = parseRegisterEntries(values.registerEntries);
  if (!entries.ok) errors.registerEntries = entries.issues[0]!.split(": ")[1];

  const ownerName = text({ max: 200 }).safeParse(values.ownerName);
  const ownerEmail = values.ownerEmail.trim() ? emailAddress().safeParse(values.ownerEmail) : null;
  const outsideName = ownerName.success ? ownerName.data : "";
  if (!ownerName.success) errors.ownerName = ownerName.error.issues[0]?.message ?? "invalid";
  if (ownerEmail && !ownerEmail.success) errors.ownerEmail = "invalid_email";
  const outside = outsideName !== "" || ownerEmail !== null;
  if (values.ownerUserId && outside) errors.owner = "owner_conflict";
  else if (outside && (outsideName === "" || ownerEmail === null)) errors.owner = "outside_owner_incomplete";

  let config: object = {};
  if (kind) {
    const timeout = values.timeoutMs.trim();
    const raw =
      kind === "opencompliance"
        ? {
            baseUrl: values.baseUrl.trim(),
            domain: values.domain,
            certificatePem: values.certificatePem,
            ...(timeout ? { timeoutMs: /^\d+$/.test(timeout) ? Number(timeout) : Number.NaN } : {}),
          }
        : kind === "manual"
          ? { instructions: { de: values.instructionsDe, en: values.instructionsEn } }
          : {};
    const parsed = parseConnectorConfig(kind, raw);
    if (parsed.ok) config = parsed.value.config;
    else {
      for (const issue of parsed.issues) {
        const [path, code] = issue.split(": ");
        const field = configFields[path ?? ""];
        if (field && !errors[field]) errors[field] = field === "timeoutMs" ? "invalid_number" : (code ?? "invalid");
      }
    }
  }
  if (Object.keys(errors).length > 0 || !kind || !entries.ok || !name.success) return { ok: false, errors };
  const email = ownerEmail?.success ? ownerEmail.data : null;
  return {
    ok: true,
    input: {
      key,
      name: name.data,
      kind,
      config,
      registerEntries: entries.value,
      ownerUserId: values.ownerUserId || null,
      ownerName: outside ? outsideName : null,
      ownerEmail: outside ? email : null,
      required: values.required,
      enabled: values.enabled,
    },
  };
}

/** The form's values for an existing connector (to edit it). */
export function connectorValuesOf(row: {
  key: string;
  name: string;
  kind: string;
  config: unknown;
  registerEntries: unknown;
  ownerUserId: string | null;
  ownerName: string | null;
  ownerEmail: string | null;
  required: boolean;
  enabled: boolean;
}): ConnectorFormValues {
  const config = (row.config ?? {}) as Record<string, unknown>;
  const instructions = (config.instructions ?? {}) as Record<string, unknown>;
  const str = (value: unknown) => (typeof value === "string" ? value : typeof value === "number" ? String(value) : "");
  return {
    key: row.key,
    name: row.name,
    kind: row.kind,
    ownerUserId: row.ownerUserId ?? "",
    ownerName: row.ownerName ?? "",
    ownerEmail: row.ownerEmail ?? "",
    registerEntries: z.array(z.string()).catch([]).parse(row.registerEntries),
    required: row.required,
    enabled: row.enabled,
    baseUrl: str(config.baseUrl),
    domain: str(config.domain),
    certificatePem: str(config.certificatePem),
    timeoutMs: str(config.timeoutMs),
    instructionsDe: str(instructions.de),
    instructionsEn: str(instructions.en),
  };
}

/** An empty form for a new connector (required and enabled ticked). */
export const newConnectorValues: ConnectorFormValues = {
  key: "",
  name: "",
  kind: "manual",
  ownerUserId: "",
  ownerName: "",
  ownerEmail: "",
  registerEntries: [],
  required: true,
  enabled: true,
  baseUrl: "",
  domain: "",
  certificatePem: "",
  timeoutMs: "",
  instructionsDe: "",
  instructionsEn: "",
};

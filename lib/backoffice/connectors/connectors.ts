// The connectors as the back office reads and changes them: every role holding "connectors.view" reads
// (dpo, privacy team, auditor); only "connectors.edit" (the DPO) creates or changes one, each change
// recorded on the system audit chain in the same transaction (Art. 5(2): who decided where requests are
// carried out, and when). The processor's certificate is not copied into the audit entry, its digest is.
import "server-only";
import { createHash } from "node:crypto";
import { appendSystemAuditEntry, inSystemChainTransaction } from "../../audit/append-system-entry";
import type { Db } from "../../db/client";
import type { StaffRole } from "../../requests/workflow/actor";
import { may } from "../access/capabilities";
import type { ConnectorInput } from "./connector-form";

export interface ConnectorViewer {
  actor: { type: "staff"; userId: string; role: StaffRole };
}

export interface ConnectorRow {
  id: string;
  key: string;
  name: string;
  kind: "demo_platform" | "opencompliance" | "manual";
  config: unknown;
  registerEntries: unknown;
  ownerUserId: string | null;
  owner: { name: string | null; email: string } | null;
  ownerName: string | null;
  ownerEmail: string | null;
  required: boolean;
  enabled: boolean;
  updatedAt: Date;
}

/** Every connector, oldest first; null for a role without "connectors.view". */
export async function listConnectors(db: Db, viewer: ConnectorViewer): Promise<ConnectorRow[] | null> {
  if (!may(viewer.actor.role, "connectors.view")) return null;
  return db.connector.findMany({
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      key: true,
      name: true,
      kind: true,
      config: true,
      registerEntries: true,
      ownerUserId: true,
      owner: { select: { name: true, email: true } },
      ownerName: true,
      ownerEmail: true,
      required: true,
      enabled: true,
      updatedAt: true,
    },
  });
}

/** Staff who may own a connector: active DPOs and privacy-team members. */
export async function connectorOwners(db: Db, viewer: ConnectorViewer) {
  if (!may(viewer.actor.role, "connectors.view")) return [];
  return db.user.findMany({
    where: { role: { in: ["dpo", "privacy_team"] }, deactivatedAt: null },
    orderBy: { email: "asc" },
    select: { id: true, name: true, email: true },
  });
}

export type SaveConnectorResult =
  { ok: true; id: string } | { ok: false; code: "not_permitted" | "not_found" | "key_taken" | "unknown_owner" };

/**
 * Creates a connector (`connectorId` null) or changes one, as `viewer`. The key and kind of an existing
 * connector stay as they are (the caller's form keeps them). Audited as "connector_created" or
 * "connector_changed" on the system chain.
 */
export async function saveConnector(
  db: Db,
  viewer: ConnectorViewer,
  connectorId: string | null,
  input: ConnectorInput,
  client: { ip?: string | null; userAgent?: string | null } = {},
  now = new Date(),
): Promise<SaveConnectorResult> {
  if (!may(viewer.actor.role, "connectors.edit")) return { ok: false, code: "not_permitted" };
  if (input.ownerUserId) {
    const owner = await db.user.findFirst({
      where: { id: input.ownerUserId, role: { in: ["dpo", "privacy_team"] }, deactivatedAt: null },
      select: { id: true },
    });
    if (!owner) return { ok: false, code: "unknown_owner" };
  }
  const data = {
    name: input.name,
    config: input.config,
    registerEntries: input.registerEntries,
    ownerUserId: input.ownerUserId,
    ownerName: input.ownerName,
    ownerEmail: input.ownerEmail,
    required: input.required,
    enabled: input.enabled,
  };
  try {
    return await inSystemChainTransaction(db, async (tx) => {
      let id: string;
      if (connectorId) {
        const existing = await tx.connector.findUnique({ where: { id: connectorId }, select: { id: true } });
        if (!existing) return { ok: false, code: "not_found" } as const;
        id = (await tx.connector.update({ where: { id: connectorId }, data: { ...data, updatedAt: now } })).id;
      } else {
        if (await tx.connector.findUnique({ where: { key: input.key }, select: { id: true } })) {
          return { ok: false, code: "key_taken" } as const;
        }
        id = (
          await tx.connector.create({
            data: { ...data, key: input.key, kind: input.kind, createdAt: now, updatedAt: now },
          })
        ).id;
      }
      await appendSystemAuditEntry(tx, {
        actor: viewer.actor,
        event: connectorId ? "connector_changed" : "connector_created",
        details: auditDetails(id, input),
        ip: client.ip ?? null,
        userAgent: client.userAgent ?? null,
        createdAt: now,
      });
      return { ok: true, id } as const;
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return { ok: false, code: "key_taken" };
    throw error;
  }
}

function auditDetails(id: string, input: ConnectorInput): Record<string, unknown> {
  const config = { ...(input.config as Record<string, unknown>) };
  if (typeof config.certificatePem === "string") {
    config.certificateSha256 = createHash("sha256").update(config.certificatePem).digest("hex");
    delete config.certificatePem;
  }
  return {
    connector: id,
    key: input.key,
    kind: input.kind,
    name: input.name,
    registerEntries: input.registerEntries,
    owner: input.ownerUserId ?? (input.ownerEmail ? "outside" : null),
    required: input.required,
    enabled: input.enabled,
    config,
  };
}

import { appConfig } from "../config/app-config";
import { db } from "../db/client";
import { logger } from "../log/logger";

export interface Health {
  status: "ok" | "error";
  database: { engine: "sqlite" | "postgres"; ok: boolean; latencyMs: number };
}

export async function checkHealth(): Promise<Health> {
  const engine = appConfig().databaseFlavor;
  const started = performance.now();
  try {
    await db().$queryRawUnsafe("SELECT 1");
    return { status: "ok", database: { engine, ok: true, latencyMs: Math.round(performance.now() - started) } };
  } catch (error) {
    logger.error({ err: error }, "health check: database unreachable");
    return { status: "error", database: { engine, ok: false, latencyMs: Math.round(performance.now() - started) } };
  }
}

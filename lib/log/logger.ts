// Structured JSON logs on stdout (one object per line, for any log shipper).
// Every object and message is scrubbed of personal data before it is written.
import pino from "pino";
import { env } from "../config/env";
import { scrub, scrubText } from "./mask";

export function createLogger(level: pino.LevelWithSilent, destination?: pino.DestinationStream): pino.Logger {
  return pino(
    {
      level,
      base: { service: "dsr-portal" },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: (object) => scrub(object) as Record<string, unknown>,
      },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((arg) => (typeof arg === "string" ? scrubText(arg) : arg));
          method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}

function configuredLevel(): pino.LevelWithSilent {
  try {
    return env().LOG_LEVEL;
  } catch {
    // A bad environment is reported by the start-up check; logging must still work to report it.
    return "info";
  }
}

const globalForLogger = globalThis as unknown as { portalLogger?: pino.Logger };

export const logger: pino.Logger = (globalForLogger.portalLogger ??= createLogger(configuredLevel()));

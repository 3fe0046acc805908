// "A mail was just queued": lets the process that delivers mail look at the outbox now instead of
// at its next poll, so a confirmation link arrives in about a second rather than up to one poll
// interval later. Only a hint: the poll (lib/jobs/jobs/deliver-outbox.ts) still finds every mail,
// so a lost or early signal costs time, never a mail.
import { EventEmitter } from "node:events";

// One emitter per process, shared through globalThis: Next.js bundles lib/ into its server chunks,
// which would otherwise hold a second copy of this module beside the start script's.
const KEY = Symbol.for("dsr-portal.mail-queued");
const shared = globalThis as typeof globalThis & { [KEY]?: EventEmitter };
const emitter = (shared[KEY] ??= new EventEmitter());

/** Called when a mail row is written (inside its transaction, so listeners must allow for the commit). */
export function signalMailQueued(): void {
  emitter.emit("queued");
}

/** Calls `listener` on every signal; returns the function that stops listening. */
export function onMailQueued(listener: () => void): () => void {
  emitter.on("queued", listener);
  return () => emitter.off("queued", listener);
}

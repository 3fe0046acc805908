// The background jobs of a single-machine installation, run by the server as a
// child process it supervises: the same program as `npm run worker`. Not in the
// server's own process, because Next.js redirects module resolution of React there
// at run time, which breaks rendering mails with a second copy of React.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { logger } from "../../lib/log/logger";

const RESTART_DELAY_MS = 5_000;
/** What the server sends its jobs process when a mail was queued. */
export const DELIVER_OUTBOX_MESSAGE = "deliver-outbox";

export interface JobsProcess {
  /** Asks the jobs process to deliver the outbox now (scripts/worker.ts listens); dropped while it restarts. */
  deliverMailSoon(): void;
  stop(): Promise<void>;
}

/** Starts `npm run worker` as a supervised child in `root`, with `env` (this process's by default). */
export function startJobsProcess(root: string, env: NodeJS.ProcessEnv = process.env): JobsProcess {
  let child: ChildProcess | undefined;
  let stopping = false;
  let restartTimer: NodeJS.Timeout | undefined;

  const launch = () => {
    // As `npm run worker` runs it: compiled, already by the start that spawns it (scripts/launch.mjs).
    const started = spawn(process.execPath, [path.join(root, "scripts/launch.mjs"), "worker"], {
      cwd: root,
      env,
      // The IPC channel carries "deliver the outbox now" (lib/mail/outbox/mail-queued-signal.ts).
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    child = started;
    started.once("exit", (code, signal) => {
      child = undefined;
      if (stopping) return;
      // A crash must not end the jobs for good: mail and reminders depend on them.
      logger.error({ code, signal }, "background jobs stopped unexpectedly; restarting");
      restartTimer = setTimeout(launch, RESTART_DELAY_MS);
    });
  };
  launch();

  return {
    deliverMailSoon() {
      if (child?.connected) child.send(DELIVER_OUTBOX_MESSAGE, () => undefined); // a send racing an exit is harmless
    },
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        clearTimeout(restartTimer);
        if (!child) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

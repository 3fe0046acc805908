// The background jobs of a single-machine installation, run by the server as a
// child process it supervises: the same program as `npm run worker`. Not in the
// server's own process, because Next.js redirects module resolution of React there
// at run time, which breaks rendering mails with a second copy of React.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { logger } from "../../lib/log/logger";

const RESTART_DELAY_MS = 5_000;

export interface JobsProcess {
  stop(): Promise<void>;
}

export function startJobsProcess(root: string): JobsProcess {
  let child: ChildProcess | undefined;
  let stopping = false;
  let restartTimer: NodeJS.Timeout | undefined;

  const launch = () => {
    // As `npm run worker` runs it: compiled, already by the start that spawns it (scripts/launch.mjs).
    const started = spawn(process.execPath, [path.join(root, "scripts/launch.mjs"), "worker"], {
      cwd: root,
      env: process.env,
      stdio: ["ignore", "inherit", "inherit"],
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

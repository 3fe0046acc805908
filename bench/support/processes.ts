// Child processes for the benchmarks: started with their output kept (shown if they fail), waited for
// until an URL answers, stopped with SIGTERM (and SIGKILL after a grace), and measured: the resident
// memory of a process and of its whole tree, read from /proc.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";

export interface Started {
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

export function startProcess(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Started {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return {
    child,
    output: () => output,
    // Every process of the tree must be gone (npm exits before the server it started has closed its port).
    stop: async () => {
      const pids = treeOf(child.pid!);
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        /* already gone */
      }
      const deadline = Date.now() + 20_000;
      while (pids.some(alive)) {
        if (Date.now() > deadline) for (const pid of pids.filter(alive)) process.kill(pid, "SIGKILL");
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    // A zombie (exited, not yet reaped) counts as gone.
    return !/^State:\s+Z/m.test(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  } catch {
    return false;
  }
}

/** Resolves once `url` answers 200, with the milliseconds it took; rejects when the process exits first. */
export async function waitForUrl(url: string, started: Started, timeoutMs = 300_000): Promise<number> {
  const begin = performance.now();
  while (performance.now() - begin < timeoutMs) {
    if (started.child.exitCode !== null) throw new Error(`exited with ${started.child.exitCode}:\n${started.output()}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return performance.now() - begin;
    } catch {
      /* not yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms:\n${started.output()}`);
}

function children(pid: number): number[] {
  try {
    return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** Resident set size of one process, in bytes (0 when it is gone). */
export function rssOf(pid: number): number {
  try {
    const line = fs.readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+) kB/m);
    return line ? Number(line[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** The pids of a process and all its descendants. */
export function treeOf(pid: number): number[] {
  return [pid, ...children(pid).flatMap(treeOf)];
}

/** The processes of a tree whose command line matches, parents before their children. */
export function matchesInTree(pid: number, pattern: RegExp): number[] {
  return treeOf(pid).filter((candidate) => {
    try {
      return pattern.test(fs.readFileSync(`/proc/${candidate}/cmdline`, "utf8").replaceAll("\0", " "));
    } catch {
      return false;
    }
  });
}

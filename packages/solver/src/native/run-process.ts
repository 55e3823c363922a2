/**
 * Runs a native solver on files in a private temp directory that is always removed, with a
 * hard deadline (the solver's own time limit plus a grace period) so a hung solver cannot hang
 * the planner.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface ProcessOutcome {
  exitCode: number | null;
  /** True when the hard deadline killed the process. */
  killed: boolean;
  /** The last part of stdout and stderr together (solver logs can be long). */
  log: string;
  /** Peak resident memory of the solver process (Linux /proc VmHWM, sampled), if known. */
  peakRssMb?: number;
  /** CPU time of the solver process (Linux /proc, sampled every 100 ms), if known. */
  cpuMs?: number;
}

const maxLogChars = 64 * 1024;
const peakSampleMs = 100;

/** utime + stime (fields 14 and 15 of /proc/PID/stat, in clock ticks of 10 ms on Linux). */
function readCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** VmHWM is the high-water mark of the resident set, so a late sample holds the peak so far. */
function readPeakRssMb(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const m = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

export async function withTempDir<T>(prefix: string, work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function runProcess(
  executable: string,
  args: string[],
  options: { cwd: string; deadlineMs?: number },
): Promise<ProcessOutcome> {
  return await new Promise<ProcessOutcome>((resolve, reject) => {
    const child = spawn(executable, args, { cwd: options.cwd, stdio: ["ignore", "pipe", "pipe"] });
    let log = "";
    const append = (d: Buffer): void => {
      log += d.toString();
      if (log.length > 2 * maxLogChars) log = log.slice(-maxLogChars);
    };
    child.stdout.on("data", append);
    child.stderr.on("data", append);
    let killed = false;
    let peakRssMb: number | undefined;
    let cpuMs: number | undefined;
    const sample = (): void => {
      const v = readPeakRssMb(child.pid);
      if (v !== undefined) peakRssMb = Math.max(peakRssMb ?? 0, v);
      const c = readCpuMs(child.pid);
      if (c !== undefined) cpuMs = Math.max(cpuMs ?? 0, c);
    };
    const sampler = setInterval(sample, peakSampleMs);
    const timer =
      options.deadlineMs === undefined
        ? undefined
        : setTimeout(() => {
            killed = true;
            child.kill("SIGKILL");
          }, options.deadlineMs);
    child.on("exit", sample);
    child.on("error", (e) => {
      clearInterval(sampler);
      if (timer) clearTimeout(timer);
      reject(e);
    });
    child.on("close", (exitCode) => {
      clearInterval(sampler);
      if (timer) clearTimeout(timer);
      resolve({
        exitCode,
        killed,
        log: log.slice(-maxLogChars),
        ...(peakRssMb === undefined ? {} : { peakRssMb }),
        ...(cpuMs === undefined ? {} : { cpuMs }),
      });
    });
  });
}

/** The solver's own limit first; the hard kill comes later so the solver can write what it has. */
export function deadlineFor(timeLimitSeconds: number | undefined): number | undefined {
  return timeLimitSeconds === undefined ? undefined : Math.ceil(timeLimitSeconds * 1000 * 1.5 + 30_000);
}

/** The measurements of one or more solver processes, merged: CPU adds up, the peak is the largest. */
export function processStats(...outcomes: { peakRssMb?: number; cpuMs?: number }[]): { peakRssMb?: number; cpuMs?: number } {
  const peaks = outcomes.map((o) => o.peakRssMb).filter((v) => v !== undefined);
  const cpus = outcomes.map((o) => o.cpuMs).filter((v) => v !== undefined);
  return {
    ...(peaks.length > 0 ? { peakRssMb: Math.max(...peaks) } : {}),
    ...(cpus.length > 0 ? { cpuMs: cpus.reduce((a, b) => a + b, 0) } : {}),
  };
}

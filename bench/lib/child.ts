/**
 * Runs one measured case in a fresh Node process so its peak memory (max RSS) is its own.
 * The case script prints one JSON line prefixed with "BENCH_RESULT " as its last act.
 */
import { spawn } from "node:child_process";

export interface ChildResult {
  peakRssMb: number;
  wallMs: number;
  data: Record<string, unknown>;
}

export async function runCase(script: string, args: string[], options: { timeoutMs?: number } = {}): Promise<ChildResult> {
  const started = performance.now();
  return await new Promise<ChildResult>((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "--conditions=paraat-source", script, ...args], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    const timer = options.timeoutMs ? setTimeout(() => child.kill("SIGKILL"), options.timeoutMs) : undefined;
    child.on("error", reject);
    child.on("close", (code) => {
      if (timer) clearTimeout(timer);
      const line = out.split("\n").find((l) => l.startsWith("BENCH_RESULT "));
      if (code !== 0 || !line) {
        reject(new Error(`${script} ${args.join(" ")} exited with ${code}: ${out.slice(-2000)}`));
        return;
      }
      const data = JSON.parse(line.slice("BENCH_RESULT ".length)) as Record<string, unknown>;
      resolve({ peakRssMb: Number(data.peakRssMb ?? 0), wallMs: performance.now() - started, data });
    });
  });
}

/** Called at the end of a case script. */
export function reportCase(data: Record<string, unknown>): void {
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`BENCH_RESULT ${JSON.stringify({ ...data, peakRssMb })}\n`);
}

export async function timed<T>(fn: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t0 };
}

/**
 * Server benchmark: median and p99 latency of the overview's reads (summary, cached plan, risk) and
 * of the plan endpoints under 50 concurrent clients (autocannon, loopback), with the nl-2024
 * dataset on SQLite and on PostgreSQL. The server runs in its own process (this file, started with
 * `--serve <location>`), signed in with an API token as automation would be; it is stopped at the end.
 * Also: the wall time of one uncached plan job, from POST to its done event.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import pg from "pg";
import { buildServer } from "@paraat/server";
import { createServices, type Actor } from "@paraat/services";
import { readDatasetFile } from "@paraat/io";
import { openStore, redactUrl, type Dialect } from "@paraat/store";
import type { BenchSuite, BenchTable } from "../lib/suite.js";

/** The part of autocannon's API used here (it ships no types). */
interface AutocannonResult {
  latency: { p50: number; p99: number; max: number };
  requests: { average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Autocannon = (options: {
  url: string;
  method: string;
  connections: number;
  duration: number;
  headers: Record<string, string>;
  body?: string;
}) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

const CONNECTIONS = 50;
const DURATION_S = 10;
const DATASET = "nl-2024";
const STARTUP_TIMEOUT_MS = 5 * 60_000;
const here = dirname(fileURLToPath(import.meta.url));

interface Endpoint {
  label: string;
  method: "GET" | "POST";
  path: string;
  body?: string;
}

const ds = `/api/datasets/${DATASET}`;
const endpoints: Endpoint[] = [
  { label: "GET summary", method: "GET", path: `${ds}/summary` },
  { label: "GET plan (cached)", method: "GET", path: `${ds}/plan` },
  { label: "GET risk", method: "GET", path: `${ds}/risk` },
  { label: "POST plan (unchanged: cached)", method: "POST", path: `${ds}/plan`, body: "{}" },
  { label: "GET risk ?severity=high", method: "GET", path: `${ds}/risk?severity=high` },
  { label: "GET health (no auth)", method: "GET", path: "/api/health" },
];

// --- child: the server ---

async function serve(location: string): Promise<void> {
  const store = await openStore(location);
  const services = createServices({ store });
  const admin: Actor = { username: "bench", role: "admin", displayName: null, via: "session" };
  const file = await readDatasetFile(join(here, "..", "..", "datasets", DATASET, `${DATASET}.json`));
  if (!file.ok) throw new Error(`${DATASET} is invalid`);
  await store.saveDataset(file.dataset, { replace: true });
  await services.users.create({ ...admin, username: "system" }, { username: "bench", role: "admin", password: "bench-password-1" });
  const { token } = await services.tokens.create(admin, "bench");
  // Warm the caches the overview reads: the default plan (a job), the risk analysis, the summary.
  const started = performance.now();
  const outcome = await services.plans.read(admin, DATASET);
  if ("job" in outcome) {
    const job = await services.jobs.settled(outcome.job.id);
    if (job.status !== "done") throw new Error(`warm-up plan failed: ${job.message}`);
  }
  const planMs = performance.now() - started;
  await services.risk.full(admin, DATASET);
  await services.datasets.summary(admin, DATASET);
  const app = await buildServer({ services, webRoot: false, loginRateLimit: { max: 1_000_000, windowMs: 60_000 } });
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  process.stdout.write(`READY ${JSON.stringify({ address, token, planMs })}\n`);
  const stop = async (): Promise<void> => {
    await app.close();
    await services.close();
    await store.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
}

// --- parent ---

interface Running {
  child: ChildProcess;
  address: string;
  token: string;
  planMs: number;
}

function startServer(location: string): Promise<Running> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--conditions=paraat-source", fileURLToPath(import.meta.url), "--serve", location],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error("the server did not start in time"));
    }, STARTUP_TIMEOUT_MS);
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const line = out.split("\n").find((l) => l.startsWith("READY "));
      if (line === undefined) return;
      clearTimeout(timer);
      const r = JSON.parse(line.slice("READY ".length)) as { address: string; token: string; planMs: number };
      resolve({ child, ...r });
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code} before it was ready: ${out.slice(-1000)}`));
    });
  });
}

async function stopServer(r: Running): Promise<void> {
  if (r.child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => r.child.once("exit", () => resolve()));
  r.child.kill("SIGTERM");
  const timer = setTimeout(() => r.child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

interface Measured {
  p50: number;
  p99: number;
  max: number;
  rps: number;
  non2xx: number;
  errors: number;
}

async function load(r: Running, e: Endpoint): Promise<Measured> {
  const result = await autocannon({
    url: `${r.address}${e.path}`,
    method: e.method,
    connections: CONNECTIONS,
    duration: DURATION_S,
    // As a browser sends it: large cached results go gzipped.
    headers: { authorization: `Bearer ${r.token}`, "content-type": "application/json", "accept-encoding": "gzip" },
    ...(e.body === undefined ? {} : { body: e.body }),
  });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    rps: result.requests.average,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** One plan nobody has asked for yet: POST with other options, then wait for the job's end. */
async function uncachedPlanMs(r: Running): Promise<number> {
  const headers = { authorization: `Bearer ${r.token}`, "content-type": "application/json" };
  const t0 = performance.now();
  const res = await fetch(`${r.address}${ds}/plan`, { method: "POST", headers, body: JSON.stringify({ bottlenecks: 5 }) });
  const job = (await res.json()) as { id: string; status: string };
  if (res.status !== 202) throw new Error(`expected a job, got ${res.status}`);
  for (;;) {
    const j = (await (await fetch(`${r.address}/api/jobs/${job.id}`, { headers })).json()) as { status: string; message: string };
    if (j.status === "done") return performance.now() - t0;
    if (j.status === "failed") throw new Error(`plan job failed: ${j.message}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function benchPostgresUrl(): string {
  return process.env.PARAAT_BENCH_PG_URL || process.env.PARAAT_TEST_PG_URL || "postgres://postgres@127.0.0.1:5432/postgres";
}

async function freshLocation(dialect: Dialect): Promise<{ location: string; drop(): Promise<void> }> {
  if (dialect === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "paraat-bench-server-"));
    return { location: join(dir, "bench.db"), drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })) };
  }
  const adminUrl = benchPostgresUrl();
  const name = `paraat_bench_server_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    location: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}

async function run(): Promise<BenchTable[]> {
  const rows: (string | number)[][] = [];
  const notes = [
    `${CONNECTIONS} concurrent connections for ${DURATION_S} s per endpoint (autocannon, loopback), dataset ${DATASET}, API-token authentication, Accept-Encoding: gzip.`,
    "The server runs in its own process with the plan, risk and summary caches warm; latencies in ms.",
    `PostgreSQL: ${redactUrl(benchPostgresUrl())} (a fresh database). SQLite: a temporary file.`,
    `Machine load average (1 min) when the suite started: ${loadavg()[0]!.toFixed(1)}.`,
  ];
  for (const dialect of ["sqlite", "postgres"] as const) {
    let db: Awaited<ReturnType<typeof freshLocation>> | undefined;
    let server: Running | undefined;
    try {
      db = await freshLocation(dialect);
      process.stderr.write(`bench server: starting on ${dialect}\n`);
      server = await startServer(db.location);
      notes.push(`${dialect}: first (uncached) plan at start-up, in process: ${Math.round(server.planMs)} ms.`);
      for (const e of endpoints) {
        process.stderr.write(`bench server: ${dialect} ${e.label}\n`);
        const m = await load(server, e);
        rows.push([dialect, e.label, m.p50, m.p99, m.max, Math.round(m.rps), m.non2xx + m.errors]);
      }
      const planMs = await uncachedPlanMs(server);
      rows.push([dialect, "POST plan (new options: a job, 1 client)", Math.round(planMs), "-", "-", "-", 0]);
    } catch (e) {
      const message = e instanceof Error ? e.message.split("\n")[0]! : String(e);
      rows.push([dialect, "(failed)", "-", "-", "-", "-", "-"]);
      notes.push(`${dialect} failed: ${message}`);
    } finally {
      if (server) await stopServer(server).catch(() => undefined);
      await db?.drop().catch(() => undefined);
    }
  }
  return [
    {
      title: "Server: latency under 50 concurrent clients",
      columns: ["database", "endpoint", "median (ms)", "p99 (ms)", "max (ms)", "requests/s", "non-2xx + errors"],
      rows,
      notes,
    },
  ];
}

export const suite: BenchSuite = {
  name: "server",
  description: "HTTP latency (median, p99) of the overview and plan endpoints under 50 concurrent clients, SQLite and PostgreSQL",
  run,
};

// Started as the server process: `server.ts --serve <location>`.
if (process.argv[1] !== undefined && pathToFileURL(process.argv[1]).href === import.meta.url) {
  const [flag, location] = process.argv.slice(2);
  if (flag !== "--serve" || location === undefined) throw new Error("usage: server.ts --serve <location>");
  await serve(location);
}

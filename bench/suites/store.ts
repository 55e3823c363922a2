/**
 * Store benchmark: for the generator presets `medium` and `large`, on SQLite and on PostgreSQL,
 * the time to save and load a whole dataset and the peak memory of the process.
 *
 * Each case runs in its own process (bench/lib/child.ts): this same file, started with
 * `<preset> <dialect> <location>`. A case is a list of steps run in order on one dataset; each step
 * is one column of the table. To measure more (import/export), add a step to `steps`.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { isDeepStrictEqual } from "node:util";
import pg from "pg";
import { generateDataset, presets, type Dataset, type PresetName } from "@paraat/core";
import { openStore, redactUrl, type Dialect, type Store } from "@paraat/store";
import { reportCase, runCase, timed } from "../lib/child.js";
import type { BenchSuite, BenchTable } from "../lib/suite.js";

const CASE_PRESETS: PresetName[] = ["medium", "large"];
const CASE_DIALECTS: Dialect[] = ["sqlite", "postgres"];
const CASE_TIMEOUT_MS = 15 * 60_000;

/** What a step can use: the open store (empty at the start), the generated dataset, a scratch folder. */
export interface StepContext {
  store: Store;
  dataset: Dataset;
  /** A folder for files a step writes; removed after the case. */
  workDir: string;
  /** Facts a step reports in the table's last column (e.g. a failed round-trip check). */
  remarks: string[];
}

export interface Step {
  /** Column header, with its unit. */
  column: string;
  run(ctx: StepContext): Promise<void>;
}

/** The measured steps, in order; each later step may rely on the earlier ones (e.g. load after save). */
export const steps: Step[] = [
  {
    column: "save (ms)",
    async run(ctx) {
      await ctx.store.saveDataset(ctx.dataset);
    },
  },
  {
    column: "load (ms)",
    async run(ctx) {
      const loaded = await ctx.store.loadDataset(ctx.dataset.name);
      if (!isDeepStrictEqual(loaded, ctx.dataset)) ctx.remarks.push("load differs from saved");
    },
  },
  {
    column: "put 1 item (ms)",
    async run(ctx) {
      // Re-validates the whole dataset: the cost a single edit in the web app pays.
      const item = ctx.dataset.items[0];
      if (item !== undefined) await ctx.store.putEntity(ctx.dataset.name, "items", { ...item, name: `${item.name} (edited)` });
    },
  },
];

function rowCount(d: Dataset): number {
  return (
    d.sources.length +
    d.countries.length +
    d.companies.length +
    d.sites.length +
    d.items.length +
    d.bom.length +
    d.supply.length +
    d.stocks.length +
    d.consumers.length +
    d.demands.length +
    d.targets.length +
    d.contracts.length +
    d.materials.length
  );
}

/** Child side: one case. */
async function runOneCase(preset: PresetName, location: string): Promise<void> {
  const options = presets[preset];
  const dataset = generateDataset(options);
  const workDir = mkdtempSync(join(tmpdir(), "paraat-bench-store-"));
  const store = await openStore(location);
  const times: Record<string, number> = {};
  const remarks: string[] = [];
  try {
    for (const step of steps) times[step.column] = (await timed(() => step.run({ store, dataset, workDir, remarks }))).ms;
  } finally {
    await store.close();
    rmSync(workDir, { recursive: true, force: true });
  }
  reportCase({ items: dataset.items.length, rows: rowCount(dataset), times, remarks });
}

/** Parent side: a fresh database per case, removed afterwards. */
interface FreshDatabase {
  location: string;
  drop(): Promise<void>;
}

function benchPostgresUrl(): string {
  return process.env.PARAAT_BENCH_PG_URL || process.env.PARAAT_TEST_PG_URL || "postgres://postgres@127.0.0.1:5432/postgres";
}

async function freshDatabase(dialect: Dialect): Promise<FreshDatabase> {
  if (dialect === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "paraat-bench-db-"));
    return {
      location: join(dir, "bench.db"),
      drop() {
        rmSync(dir, { recursive: true, force: true });
        return Promise.resolve();
      },
    };
  }
  const adminUrl = benchPostgresUrl();
  const name = `paraat_bench_${process.pid}_${Date.now()}`;
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
  const script = fileURLToPath(import.meta.url);
  const rows: (string | number)[][] = [];
  const notes: string[] = [
    "Each case runs in a fresh process on an empty database; times are wall-clock for the whole store call.",
    "Peak RSS is the case process's maximum resident set, including generating the dataset in memory.",
    `PostgreSQL: ${redactUrl(benchPostgresUrl())} (a fresh database per case). SQLite: a temporary file.`,
    `Machine load average (1 min) when the suite started: ${loadavg()[0]!.toFixed(1)}.`,
  ];
  for (const preset of CASE_PRESETS) {
    for (const dialect of CASE_DIALECTS) {
      process.stderr.write(`bench store: ${preset} on ${dialect}\n`);
      let db: FreshDatabase | undefined;
      try {
        db = await freshDatabase(dialect);
        const result = await runCase(script, [preset, dialect, db.location], { timeoutMs: CASE_TIMEOUT_MS });
        const times = result.data.times as Record<string, number>;
        const remarks = result.data.remarks as string[];
        rows.push([
          preset,
          dialect,
          Number(result.data.items),
          Number(result.data.rows),
          ...steps.map((s) => times[s.column] ?? "-"),
          result.peakRssMb,
          remarks.length > 0 ? remarks.join("; ") : "",
        ]);
      } catch (e) {
        const message = e instanceof Error ? e.message.split("\n")[0]! : String(e);
        rows.push([preset, dialect, "-", "-", ...steps.map(() => "-"), "-", "failed"]);
        notes.push(`${preset} on ${dialect} failed: ${message}`);
      } finally {
        await db?.drop().catch(() => undefined);
      }
    }
  }
  return [
    {
      title: "Store: save and load a whole dataset",
      columns: ["preset", "database", "items", "rows", ...steps.map((s) => s.column), "peak RSS (MB)", "remarks"],
      rows,
      notes,
    },
  ];
}

export const suite: BenchSuite = {
  name: "store",
  description: "saveDataset / loadDataset time and peak memory, presets medium and large, SQLite and PostgreSQL",
  run,
};

// Started as a case process: `store.ts <preset> <dialect> <location>`.
if (process.argv[1] !== undefined && pathToFileURL(process.argv[1]).href === import.meta.url) {
  const [preset, , location] = process.argv.slice(2);
  if (preset === undefined || location === undefined || !(preset in presets))
    throw new Error("usage: store.ts <preset> <dialect> <location>");
  await runOneCase(preset as PresetName, location);
}

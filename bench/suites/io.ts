/**
 * Suite "io": export and import of whole datasets as JSON, an Excel workbook and a CSV folder, on
 * the generator presets `medium` and `large`. Per preset and format: export time, read + validate
 * time, and import into SQLite and PostgreSQL (read + validate + save in one transaction), each
 * in its own process so its peak memory is its own. The read side is checked against the export
 * (same canonical JSON) so a fast but wrong importer cannot pass unnoticed.
 *
 * Run as a script (`io.ts <mode> <preset> <format> <path> [location]`) it is one measured case.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import pg from "pg";
import { generateDataset, presets, type Dataset, type PresetName } from "@paraat/core";
import { datasetToJson, readDatasetFile, writeDatasetFile, type DatasetFileFormat } from "@paraat/io";
import { cliActor, createServices } from "@paraat/services";
import { openStore, redactUrl } from "@paraat/store";
import { reportCase, runCase, timed } from "../lib/child.js";
import type { BenchSuite, BenchTable } from "../lib/suite.js";

const PRESETS: PresetName[] = ["medium", "large"];
const FORMATS: DatasetFileFormat[] = ["json", "xlsx", "csv"];
const TIMEOUT_MS = 15 * 60_000;
type Mode = "export" | "read" | "sqlite" | "postgres";

const fingerprint = (d: Dataset): string => createHash("sha256").update(datasetToJson(d)).digest("hex").slice(0, 16);

function sizeMb(path: string): number {
  const st = statSync(path);
  const bytes = st.isDirectory() ? readdirSync(path).reduce((s, f) => s + statSync(join(path, f)).size, 0) : st.size;
  return bytes / 1e6;
}

/** Child side: one measured case. */
async function measure(mode: Mode, preset: PresetName, format: DatasetFileFormat, path: string, location?: string): Promise<void> {
  if (mode === "export") {
    const dataset = generateDataset(presets[preset]);
    const { ms } = await timed(() => writeDatasetFile(dataset, path, format));
    reportCase({ ms, items: dataset.items.length, sizeMb: sizeMb(path), fingerprint: fingerprint(dataset) });
    return;
  }
  if (mode === "read") {
    const { value: result, ms } = await timed(() => readDatasetFile(path));
    reportCase({ ms, ok: result.ok, fingerprint: result.ok ? fingerprint(result.dataset) : "" });
    return;
  }
  if (location === undefined) throw new Error("a database location is needed");
  const store = await openStore(location);
  // Through the services, as the CLI and the API import: checked, saved and audited in one transaction.
  const services = createServices({ store, solver: () => Promise.reject(new Error("the io bench does not plan")) });
  try {
    const { ms } = await timed(() => services.datasets.importFile(cliActor(), path));
    reportCase({ ms });
  } finally {
    await services.close();
    await store.close();
  }
}

function postgresUrl(): string {
  return process.env.PARAAT_BENCH_PG_URL || process.env.PARAAT_TEST_PG_URL || "postgres://postgres@127.0.0.1:5432/postgres";
}

/** A new empty database for one case, and how to remove it. */
async function freshDatabase(mode: "sqlite" | "postgres", workDir: string): Promise<{ location: string; drop(): Promise<void> }> {
  if (mode === "sqlite") {
    const location = join(workDir, `bench-${Date.now()}.db`);
    return { location, drop: () => Promise.resolve(rmSync(location, { force: true })) };
  }
  const admin = postgresUrl();
  const name = `paraat_bench_io_${process.pid}_${Date.now()}`;
  const query = async (sql: string): Promise<void> => {
    const c = new pg.Client({ connectionString: admin, connectionTimeoutMillis: 5_000 });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await query(`create database "${name}"`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { location: url.toString(), drop: () => query(`drop database if exists "${name}" with (force)`) };
}

async function run(): Promise<BenchTable[]> {
  const script = fileURLToPath(import.meta.url);
  const workDir = mkdtempSync(join(tmpdir(), "paraat-bench-io-"));
  const rows: (string | number)[][] = [];
  const notes = [
    "Each cell is one fresh process; peak RSS is that process's maximum resident set.",
    "export: generate the dataset (not timed, but in the peak RSS), then write it. read: parse + validate the file.",
    "import: DatasetService.importFile into an empty database — parse + validate + save with its audit entry in one transaction.",
    `round trip: the dataset read back has the same canonical JSON as the one exported. PostgreSQL: ${redactUrl(postgresUrl())}.`,
  ];
  const attempt = async (
    label: string,
    fn: () => Promise<Record<string, unknown> & { peakRssMb: number }>,
  ): Promise<(Record<string, unknown> & { peakRssMb: number }) | undefined> => {
    try {
      return await fn();
    } catch (e) {
      notes.push(`${label} failed: ${(e instanceof Error ? e.message : String(e)).split("\n")[0]}`);
      return undefined;
    }
  };
  try {
    for (const preset of PRESETS) {
      for (const format of FORMATS) {
        const path = join(workDir, `${preset}${format === "csv" ? "-csv" : `.${format}`}`);
        const child = async (mode: Mode, location?: string) => {
          const r = await runCase(script, [mode, preset, format, path, ...(location ? [location] : [])], { timeoutMs: TIMEOUT_MS });
          return { ...r.data, peakRssMb: r.peakRssMb };
        };
        process.stderr.write(`bench io: ${preset} ${format}\n`);
        const exp = await attempt(`${preset} ${format} export`, () => child("export"));
        const read = exp ? await attempt(`${preset} ${format} read`, () => child("read")) : undefined;
        const imports: ((Record<string, unknown> & { peakRssMb: number }) | undefined)[] = [];
        for (const mode of ["sqlite", "postgres"] as const) {
          imports.push(
            exp
              ? await attempt(`${preset} ${format} import into ${mode}`, async () => {
                  const db = await freshDatabase(mode, workDir);
                  try {
                    return await child(mode, db.location);
                  } finally {
                    await db.drop().catch(() => undefined);
                  }
                })
              : undefined,
          );
        }
        const num = (r: Record<string, unknown> | undefined, k: string): number | string => (r && typeof r[k] === "number" ? r[k] : "-");
        rows.push([
          preset,
          format,
          num(exp, "items"),
          num(exp, "sizeMb"),
          num(exp, "ms"),
          num(exp, "peakRssMb"),
          num(read, "ms"),
          num(read, "peakRssMb"),
          num(imports[0], "ms"),
          num(imports[0], "peakRssMb"),
          num(imports[1], "ms"),
          num(imports[1], "peakRssMb"),
          !exp || !read ? "-" : read.ok === true && read.fingerprint === exp.fingerprint ? "ok" : "DIFFERS",
        ]);
        rmSync(path, { recursive: true, force: true });
      }
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  return [
    {
      title: "Import and export of whole datasets",
      columns: [
        "preset",
        "format",
        "items",
        "size (MB)",
        "export (ms)",
        "export RSS (MB)",
        "read (ms)",
        "read RSS (MB)",
        "import SQLite (ms)",
        "RSS (MB)",
        "import PostgreSQL (ms)",
        "RSS (MB)",
        "round trip",
      ],
      rows,
      notes,
    },
  ];
}

export const suite: BenchSuite = {
  name: "io",
  description: "export / read / import of JSON, XLSX and CSV, presets medium and large, SQLite and PostgreSQL",
  run,
};

// Started as a case process.
if (process.argv[1] !== undefined && pathToFileURL(process.argv[1]).href === import.meta.url) {
  const [mode, preset, format, path, location] = process.argv.slice(2);
  if (!mode || !preset || !(preset in presets) || !FORMATS.includes(format as DatasetFileFormat) || !path)
    throw new Error("usage: io.ts export|read|sqlite|postgres <preset> <format> <path> [location]");
  await measure(mode as Mode, preset as PresetName, format as DatasetFileFormat, path, location);
}

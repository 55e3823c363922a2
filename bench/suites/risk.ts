/**
 * Suite "risk": exposure, concentration and structural single points of failure on the `medium`
 * and `large` presets, against the same computation in Python networkx (bench/reference). Both
 * read the same dataset JSON file; each side runs in its own process so its peak memory is its own.
 * The TypeScript case also runs the full analysis (materials, ownership, register) for reference.
 *
 * Run as a script (`bench/suites/risk.ts FILE`) it is the measured case itself.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { analyzeRisk, generateDataset, presets, type Dataset, type RiskOptions, type RiskResult } from "@paraat/core";
import { reportCase, runCase } from "../lib/child.js";
import type { BenchSuite, BenchTable } from "../lib/suite.js";

const here = dirname(fileURLToPath(import.meta.url));
const PYTHON = "/usr/bin/python3";
const REFERENCE = join(here, "..", "reference", "risk_networkx.py");

/** Figures both implementations report, so the bench checks they computed the same thing. */
interface Checksums {
  items: number;
  euSum: number;
  concernSum: number;
  unsourcedSum: number;
  hhiCountrySum: number;
  hhiCompanySum: number;
  singleOption: number;
  spof: number;
  spofItems: number;
  spofPathSum: number;
  paths: number;
  pathShareSum: number;
}

function checksums(r: RiskResult): Checksums {
  const sum = (f: (i: RiskResult["items"][number]) => number): number => r.items.reduce((a, i) => a + f(i), 0);
  return {
    items: r.items.length,
    euSum: sum((i) => i.exposure.byBloc.eu),
    concernSum: sum((i) => i.exposure.byBloc.concern),
    unsourcedSum: sum((i) => i.exposure.byBloc.unsourced),
    hhiCountrySum: sum((i) => i.hhiCountry ?? 0),
    hhiCompanySum: sum((i) => i.hhiCompany ?? 0),
    singleOption: r.items.filter((i) => i.singleSource.option).length,
    spof: r.spof.length,
    spofItems: r.spof.reduce((a, s) => a + s.items.length, 0),
    spofPathSum: r.spof.reduce((a, s) => a + s.path.length, 0),
    paths: sum((i) => i.paths.length),
    pathShareSum: sum((i) => i.paths.reduce((a, p) => a + p.share, 0)),
  };
}

/** Times one call and reduces its result to `figures` at once, so the result can be collected afterwards. */
function timed<T>(dataset: Dataset, options: RiskOptions, figures: (r: RiskResult) => T): { ms: number; cpuMs: number; figures: T } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = analyzeRisk(dataset, options);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, figures: figures(result) };
}

/**
 * The measured case: parse the file, then time the same computation as the reference (the first call
 * in this process: the headline), the full analysis, and the first computation once more. The results
 * are not kept, so the warm call starts from a heap like a long-running server's between requests.
 */
function measure(file: string): void {
  const t0 = performance.now();
  const dataset = JSON.parse(readFileSync(file, "utf8")) as Dataset;
  const loadMs = performance.now() - t0;
  const only: RiskOptions = { only: ["exposure", "concentration", "spof"] };
  const first = timed(dataset, only, checksums);
  const full = timed(dataset, {}, (r) => r.register.length);
  const warm = timed(dataset, only, checksums);
  if (JSON.stringify(warm.figures) !== JSON.stringify(first.figures)) throw new Error("the warm call disagrees with the first");
  reportCase({ loadMs, ms: first.ms, cpuMs: first.cpuMs, warmMs: warm.ms, fullMs: full.ms, findings: full.figures, ...first.figures });
}

async function runPython(file: string): Promise<Record<string, unknown>> {
  return await new Promise((resolve, reject) => {
    const child = spawn(PYTHON, [REFERENCE, file], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) reject(new Error(`${PYTHON} ${REFERENCE} exited with ${code}`));
      else resolve(JSON.parse(out.trim().split("\n").at(-1)!) as Record<string, unknown>);
    });
  });
}

function mismatches(ts: Record<string, unknown>, py: Record<string, unknown>): string[] {
  const keys: (keyof Checksums)[] = [
    "items",
    "euSum",
    "concernSum",
    "unsourcedSum",
    "hhiCountrySum",
    "hhiCompanySum",
    "singleOption",
    "spof",
    "spofItems",
    "spofPathSum",
    "paths",
    "pathShareSum",
  ];
  return keys.filter((k) => {
    const a = Number(ts[k]);
    const b = Number(py[k]);
    return !(Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b)));
  });
}

export const suite: BenchSuite = {
  name: "risk",
  description: "exposure, concentration and structural SPOFs vs Python networkx (medium, large)",
  async run(): Promise<BenchTable[]> {
    const dir = mkdtempSync(join(tmpdir(), "paraat-risk-bench-"));
    const rows: (string | number)[][] = [];
    const notes: string[] = [];
    try {
      for (const preset of ["medium", "large"] as const) {
        const dataset = generateDataset(presets[preset]);
        const file = join(dir, `${preset}.json`);
        writeFileSync(file, JSON.stringify(dataset));
        const ts = await runCase(fileURLToPath(import.meta.url), [file], { timeoutMs: 600_000 });
        const py = await runPython(file);
        const bad = mismatches(ts.data, py);
        if (bad.length > 0) notes.push(`${preset}: TypeScript and networkx differ in ${bad.join(", ")} — check the implementations.`);
        const ms = Number(ts.data.ms);
        const pyMs = Number(py.ms);
        const cpuMs = Number(ts.data.cpuMs);
        const pyCpuMs = Number(py.cpuMs);
        rows.push([
          preset,
          dataset.items.length,
          dataset.bom.length,
          dataset.supply.length,
          Number(ts.data.spof),
          ms,
          cpuMs,
          (1000 * ms) / dataset.bom.length,
          Number(ts.data.warmMs),
          Number(ts.data.fullMs),
          ts.peakRssMb,
          pyMs,
          pyCpuMs,
          Number(py.peakRssMb),
          pyMs / ms,
          pyCpuMs / cpuMs,
          bad.length === 0 ? "yes" : "NO",
        ]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    notes.push(
      "ts ms / py ms: exposure by country and bloc with its paths, HHI by country and company, single-source flags and structural SPOFs per end item, after parsing the file (parse time excluded on both sides).",
      "cpu ms: processor time of the same step (Node counts its garbage-collector threads too); it is the fairer figure when the machine is busy.",
      "full ms: analyzeRisk with every method (also raw-material supply risk, ownership, the register). Peak RSS: the whole process, including the parsed dataset.",
      `ts ms is the first call in a fresh process, JIT warm-up included (the headline: what a CLI run pays); ts warm ms is a second call in the same process (CPython has no JIT, so its second call costs what its first does). Reference: ${PYTHON} with Debian's python3-networkx (${REFERENCE.split("/").slice(-2).join("/")}); "same" = the checksums of both agree to 1e-6.`,
    );
    return [
      {
        title: "Risk analysis: TypeScript vs Python networkx",
        columns: [
          "preset",
          "items",
          "BOM lines",
          "supply",
          "SPOFs",
          "ts ms",
          "ts cpu ms",
          "ts µs/line",
          "ts warm ms",
          "full ms",
          "ts peak MB",
          "py ms",
          "py cpu ms",
          "py peak MB",
          "speed-up ×",
          "cpu speed-up ×",
          "same",
        ],
        rows,
        notes,
      },
    ];
  },
};

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = process.argv[2];
  if (!file) throw new Error("usage: risk.ts DATASET.json");
  measure(file);
}

/**
 * `paraat scenario …`: scenarios stored with the dataset, and the analyses over them — compare,
 * Monte Carlo, time to survive. A client of the ScenarioService, like the HTTP routes.
 */
import { readFile, writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { ParaatError, type MonteCarloSummary, type ScenarioComparison } from "@paraat/core";
import { comparisonToWorkbook } from "@paraat/io";
import type { ServicesOptions, SurviveResult } from "@paraat/services";
import { chooseSolver } from "@paraat/solver";
import { info, numberOption, print, withServices, type CliSession, type GlobalOptions } from "../context.js";
import type { CommandResult } from "../output.js";
import { progressBar } from "../progress.js";

async function readJson(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    throw new ParaatError("NOT_FOUND", `cannot read ${what} ${path}: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new ParaatError("INVALID_ARGUMENT", `${path} is not JSON: ${(e as Error).message}`);
  }
}

/** In this process with the size-chosen solver, or in K worker threads. */
function runsOf(threads: string | undefined): Omit<ServicesOptions, "store"> {
  if (threads === undefined) return { solver: (size) => chooseSolver(size) };
  const k = Number(threads);
  if (!Number.isInteger(k) || k < 1 || k > 64)
    throw new ParaatError("INVALID_ARGUMENT", `--threads must be a whole number from 1 to 64; got "${threads}"`);
  return { workers: k };
}

const signed = (v: number | null | undefined): string => (v === null || v === undefined ? "" : v > 0 ? `+${v}` : String(v));

export function compareOutput(c: ScenarioComparison): CommandResult {
  return {
    json: c,
    tables: [
      {
        title: "Scenarios",
        columns: [
          { key: "name", label: "scenario" },
          { key: "cost", label: "cost EUR", align: "right" },
          { key: "costDiff", label: "± base", align: "right" },
          { key: "eu", label: "EU share", align: "right" },
          { key: "euNato", label: "EU+NATO", align: "right" },
          { key: "bottlenecks", label: "top bottlenecks" },
        ],
        rows: c.scenarios.map((s) => ({
          name: s.name,
          cost: Math.round(s.cost),
          costDiff: signed(s.diff === undefined ? undefined : Math.round(s.diff.cost)),
          eu: s.autonomy.eu,
          euNato: s.autonomy.euNato,
          bottlenecks: s.bottlenecks.map((b) => b.supply).join(", "),
        })),
      },
      {
        title: "Targets",
        columns: [
          { key: "scenario", label: "scenario" },
          { key: "id", label: "target" },
          { key: "metAt", label: "met in" },
          { key: "monthsLate", label: "months late", align: "right" },
          { key: "gapAtBy", label: "gap at by", align: "right" },
          { key: "later", label: "± months", align: "right" },
        ],
        rows: c.scenarios.flatMap((s) =>
          s.targets.map((t) => ({
            scenario: s.name,
            id: t.id,
            metAt: t.metAt ?? "never",
            monthsLate: t.monthsLate ?? "",
            gapAtBy: t.gapAtBy,
            later: signed(t.diff?.monthsLater),
          })),
        ),
      },
      {
        title: "Demands",
        columns: [
          { key: "scenario", label: "scenario" },
          { key: "id", label: "demand" },
          { key: "onTime", label: "on time", align: "right" },
          { key: "late", label: "late", align: "right" },
          { key: "short", label: "short", align: "right" },
          { key: "shortDiff", label: "± short", align: "right" },
        ],
        rows: c.scenarios.flatMap((s) => s.demands.map((d) => ({ scenario: s.name, ...d, shortDiff: signed(d.diff?.short) }))),
      },
    ],
  };
}

export function monteCarloOutput(m: MonteCarloSummary): CommandResult {
  const pct = (v: number): string => `${Math.round(v * 1000) / 10}%`;
  return {
    json: m,
    tables: [
      {
        title: `Targets over ${m.runs} runs (seed ${m.seed})`,
        columns: [
          { key: "id", label: "target" },
          { key: "probability", label: "met by its month", align: "right" },
          { key: "ci", label: "95% interval" },
          { key: "p10", label: "met in (p10)" },
          { key: "p50", label: "p50" },
          { key: "p90", label: "p90" },
          { key: "causes", label: "present when missed" },
        ],
        rows: m.targets.map((t) => ({
          id: t.id,
          probability: pct(t.probability),
          ci: `${pct(t.ci[0])} – ${pct(t.ci[1])}`,
          p10: t.metAt.p10 ?? "never",
          p50: t.metAt.p50 ?? "never",
          p90: t.metAt.p90 ?? "never",
          causes: t.causes
            .slice(0, 3)
            .map((c) => `${c.event} (${pct(c.missShare)})`)
            .join(", "),
        })),
      },
      {
        title: "Demands",
        columns: [
          { key: "id", label: "demand" },
          { key: "onTime", label: "in full on time", align: "right" },
          { key: "expectedShort", label: "expected short", align: "right" },
        ],
        rows: m.demands.map((d) => ({ id: d.id, onTime: pct(d.onTimeProbability), expectedShort: d.expectedShort })),
      },
    ],
  };
}

export function surviveOutput(result: SurviveResult): CommandResult {
  const r = result.nodes;
  return {
    json: result,
    tables: [
      {
        title: `Time to survive of an outage from ${result.from} (the nodes whose loss hurts soonest first)`,
        columns: [
          { key: "node", label: "node" },
          { key: "kind", label: "kind" },
          { key: "supplies", label: "supply options", align: "right" },
          { key: "timeToSurvive", label: "time to survive (months)", align: "right" },
          { key: "horizonMonths", label: "of months", align: "right" },
          { key: "forGood", label: "lost for good: targets later" },
        ],
        rows: r.map((n) => ({
          ...n,
          forGood: n.forGood
            .filter((t) => t.monthsLater !== 0)
            .map((t) => `${t.target} ${t.monthsLater === null ? "never met" : `+${t.monthsLater} months`}`)
            .join(", "),
        })),
      },
    ],
  };
}

export function registerScenario(program: Command): void {
  const scenario = program
    .command("scenario")
    .description("what-if scenarios stored with the dataset: compare them, Monte Carlo supply security, time to survive");
  const opts = (): GlobalOptions => program.opts<GlobalOptions>();
  const datasetOf = (s: CliSession): Promise<string> => s.services.datasets.resolveName(s.actor, opts().dataset);

  scenario
    .command("list")
    .description("the scenarios of the dataset")
    .action(async () => {
      const rows = await withServices(opts(), async (s) => s.services.scenarios.list(s.actor, await datasetOf(s)));
      print(opts(), {
        json: rows,
        tables: [
          {
            columns: [
              { key: "name", label: "scenario" },
              { key: "changes", label: "changes", align: "right" },
              { key: "description", label: "description" },
              { key: "updatedBy", label: "by" },
              { key: "updatedAt", label: "at" },
            ],
            rows: rows.map((r) => ({ ...r, changes: r.scenario.changes.length, description: r.scenario.description ?? "" })),
          },
        ],
      });
    });

  scenario
    .command("show <name>")
    .description("a stored scenario as its file")
    .action(async (name: string) => {
      const r = await withServices(opts(), async (s) => s.services.scenarios.get(s.actor, await datasetOf(s), name));
      print(opts(), { json: r.scenario, tables: [], notes: [JSON.stringify(r.scenario, null, 2)] });
    });

  scenario
    .command("save <file>")
    .description("store a scenario file (format paraat-scenario) with the dataset, replacing one of the same name")
    .option("--create", "refuse to replace a scenario of that name")
    .action(async (file: string, cmd: { create?: boolean }) => {
      const doc = await readJson(file, "scenario file");
      const r = await withServices(opts(), async (s) =>
        s.services.scenarios.save(s.actor, await datasetOf(s), doc, { create: cmd.create ?? false }),
      );
      info(opts(), `saved scenario ${r.name} of ${r.dataset} (${r.scenario.changes.length} changes)`);
      print(opts(), { json: r, tables: [] });
    });

  scenario
    .command("delete <name>")
    .description("delete a stored scenario")
    .action(async (name: string) => {
      await withServices(opts(), async (s) => s.services.scenarios.delete(s.actor, await datasetOf(s), name));
      info(opts(), `deleted scenario ${name}`);
    });

  scenario
    .command("compare [names...]")
    .description("plan the base and each scenario (default: all stored) side by side, with differences to the base")
    .option("--xlsx <file>", "also write the comparison as a workbook")
    .option("--threads <k>", "plan in K worker threads")
    .action(async (names: string[], cmd: { xlsx?: string; threads?: string }) => {
      const bar = progressBar(!opts().quiet);
      try {
        const c = await withServices(
          opts(),
          async (s) => {
            const svc = s.services.scenarios;
            return svc.wait(await svc.compare(s.actor, await datasetOf(s), names.length > 0 ? { scenarios: names } : {}), bar.update);
          },
          { services: runsOf(cmd.threads) },
        );
        bar.stop();
        if (cmd.xlsx) {
          await writeFile(cmd.xlsx, await comparisonToWorkbook(c));
          info(opts(), `wrote the comparison to ${cmd.xlsx}`);
        }
        print(opts(), compareOutput(c));
      } finally {
        bar.stop();
      }
    });

  scenario
    .command("montecarlo")
    .description("the probability that each target is met when the events of FILE happen at random (same seed, same answer)")
    .requiredOption("--events <file>", "events file (format paraat-events)")
    .requiredOption("--runs <n>", "number of runs")
    .option("--seed <s>", "seed of the random streams", "1")
    .option("--scenario <name>", "start the runs from this stored scenario")
    .option("--threads <k>", "plan in K worker threads")
    .option("--chunk <n>", "runs per task given to a thread")
    .action(async (cmd: { events: string; runs: string; seed: string; scenario?: string; threads?: string; chunk?: string }) => {
      const events = await readJson(cmd.events, "events file");
      const bar = progressBar(!opts().quiet);
      try {
        const request = {
          events,
          runs: numberOption(cmd.runs),
          seed: numberOption(cmd.seed),
          ...(cmd.scenario === undefined ? {} : { scenario: cmd.scenario }),
          ...(cmd.chunk === undefined ? {} : { chunk: numberOption(cmd.chunk) }),
        };
        const m = await withServices(
          opts(),
          async (s) => {
            const svc = s.services.scenarios;
            return svc.wait(await svc.monteCarlo(s.actor, await datasetOf(s), request), bar.update);
          },
          { services: runsOf(cmd.threads) },
        );
        bar.stop();
        print(opts(), monteCarloOutput(m));
      } finally {
        bar.stop();
      }
    });

  scenario
    .command("survive")
    .description("for each site, company and country (or the one named): the longest outage that leaves the plan as it is")
    .option("--node <id>", "only this site, company or country")
    .option("--from <month>", "the month the outage starts (default: the horizon's first)")
    .option("--scenario <name>", "start from this stored scenario")
    .option("--threads <k>", "plan in K worker threads")
    .action(async (cmd: { node?: string; from?: string; scenario?: string; threads?: string }) => {
      const bar = progressBar(!opts().quiet);
      try {
        const request = {
          ...(cmd.node === undefined ? {} : { node: cmd.node }),
          ...(cmd.from === undefined ? {} : { from: cmd.from }),
          ...(cmd.scenario === undefined ? {} : { scenario: cmd.scenario }),
        };
        const r = await withServices(
          opts(),
          async (s) => {
            const svc = s.services.scenarios;
            return svc.wait(await svc.survive(s.actor, await datasetOf(s), request), bar.update);
          },
          { services: runsOf(cmd.threads) },
        );
        bar.stop();
        print(opts(), surviveOutput(r));
      } finally {
        bar.stop();
      }
    });
}

import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { ParaatError, type MonthRange, type PlanRequest, type PlanResult } from "@paraat/core";
import { chooseSolver, type SolverPreference } from "@paraat/solver";
import { info, numberOption, print, withServices, type GlobalOptions } from "../context.js";
import type { CommandResult } from "../output.js";
import { progressBar } from "../progress.js";

interface PlanCommandOptions {
  exportLp?: string;
  solver: string;
  stocks?: boolean;
  bottlenecks: string;
  resolveTop: string;
  timeLimit?: string;
  ties: string;
  supplyOrder?: string;
  targetOrder?: string;
}

/** A comma list of order keys ("bloc,lead-time"), checked by the plan request schema. */
function keyList(value: string | undefined): string[] | undefined {
  return value === undefined
    ? undefined
    : value
        .split(",")
        .map((k) => k.trim())
        .filter((k) => k.length > 0);
}

const solverNames: readonly SolverPreference[] = ["auto", "highs", "cbc", "glpsol", "glpk-js"];

function ranges(list: readonly MonthRange[]): string {
  return list.map((r) => (r.from === r.to ? r.from : `${r.from}…${r.to}`)).join(", ");
}

export function registerPlan(program: Command): void {
  program
    .command("plan")
    .description(
      "plan production and deliveries as a linear programme: when each target is met, what holds it back, which capacity helps most",
    )
    .option("--export-lp <file>", "also write the exact model in CPLEX LP format (any LP solver gives the same optimum)")
    .option(
      "--solver <name>",
      `LP backend: ${solverNames.join(", ")} (auto: HiGHS in-process for small models, a native solver for large ones)`,
      "auto",
    )
    .option("--stocks", "include pool and consumer stock per item and month in the JSON output")
    .option("--bottlenecks <n>", "bottlenecks to list", "10")
    .option("--resolve-top <n>", "top bottlenecks to re-solve with +10% capacity", "3")
    .option("--time-limit <seconds>", "time limit per solve")
    .option(
      "--ties <rule>",
      "among demands of one item and priority: due-date (earlier due month first, the same month pro rata) or pro-rata (in proportion to quantity)",
      "due-date",
    )
    .option("--supply-order <keys>", "order among supply options of equal cost, from bloc, lead-time, id (default bloc,lead-time,id)")
    .option("--target-order <keys>", "order among targets of one item and priority, from by, level, id (default by,id)")
    .action(async (cmd: PlanCommandOptions) => {
      const opts = program.opts<GlobalOptions>();
      if (!(solverNames as readonly string[]).includes(cmd.solver))
        throw new ParaatError("INVALID_ARGUMENT", `--solver must be one of ${solverNames.join(", ")}; got "${cmd.solver}"`);
      const prefer = cmd.solver as SolverPreference;
      // Checked by the services' schema (core's planRequestSchema), the one the API uses; problems name the option.
      const request = {
        stocks: cmd.stocks ?? false,
        bottlenecks: numberOption(cmd.bottlenecks),
        resolveTop: numberOption(cmd.resolveTop),
        ...(cmd.timeLimit === undefined ? {} : { timeLimit: numberOption(cmd.timeLimit) }),
        ties: cmd.ties,
        ...(cmd.supplyOrder === undefined && cmd.targetOrder === undefined
          ? {}
          : {
              tieOrder: {
                ...(cmd.supplyOrder === undefined ? {} : { supplies: keyList(cmd.supplyOrder) }),
                ...(cmd.targetOrder === undefined ? {} : { targets: keyList(cmd.targetOrder) }),
              },
            }),
      } as PlanRequest;
      const bar = progressBar(!opts.quiet);
      try {
        const result = await withServices(
          opts,
          async ({ services, actor }) => {
            const name = await services.datasets.resolveName(actor, opts.dataset);
            if (cmd.exportLp) {
              await writeFile(cmd.exportLp, await services.plans.lp(actor, name, request));
              info(opts, `wrote the model of ${name} to ${cmd.exportLp}`);
            }
            return services.plans.compute(actor, name, request, bar.update);
          },
          {
            services: { solver: (size) => chooseSolver({ ...size, prefer }) },
            optionNames: { "tieOrder.supplies": "--supply-order", "tieOrder.targets": "--target-order" },
          },
        );
        bar.stop();
        print(opts, planOutput(result));
      } finally {
        bar.stop();
      }
    });
}

export function planOutput(r: PlanResult): CommandResult {
  const notes: string[] = [];
  for (const t of r.targets) if (t.explanation) notes.push(`target ${t.id}: ${t.explanation.summary}`);
  for (const d of r.demands) if (d.explanation) notes.push(`demand ${d.id}: ${d.explanation.summary}`);
  const s = r.solver;
  notes.push(
    `Solved by ${s.backend} in ${(s.solveMs / 1000).toFixed(1)} s (model built in ${(s.buildMs / 1000).toFixed(1)} s): ${s.variables} variables, ` +
      `${s.constraints} constraints, ${s.nonzeros} non-zeros, ${s.clusters} independent cluster${s.clusters === 1 ? "" : "s"}; objective ${r.objective}` +
      (r.ties.applied
        ? `; ties: rule ${r.ties.rule}, equal-cost supply options by ${r.ties.supplies.join(", ")}, targets of one priority by ${r.ties.targets.join(", ")}`
        : "") +
      (s.resolves > 0
        ? `; ${s.resolves} bottleneck re-solve${s.resolves === 1 ? "" : "s"}, ${s.warmStarts} warm-started from the plan's basis.`
        : "."),
  );
  return {
    json: r,
    tables: [
      {
        title: `Targets (horizon ${r.horizon.start} to ${r.horizon.end})`,
        columns: [
          { key: "id", label: "target" },
          { key: "item", label: "item" },
          { key: "consumer", label: "for" },
          { key: "level", label: "level", align: "right" },
          { key: "by", label: "by" },
          { key: "met", label: "met" },
          { key: "metAt", label: "reached" },
          { key: "monthsLate", label: "months late", align: "right" },
          { key: "gapAtBy", label: "gap at by", align: "right" },
        ],
        rows: r.targets.map((t) => ({ ...t, metAt: t.metAt ?? "never", monthsLate: t.monthsLate ?? "" })),
      },
      {
        title: "Demands",
        columns: [
          { key: "id", label: "demand" },
          { key: "item", label: "item" },
          { key: "consumer", label: "for" },
          { key: "qty", label: "qty", align: "right" },
          { key: "due", label: "due" },
          { key: "onTime", label: "on time", align: "right" },
          { key: "late", label: "late", align: "right" },
          { key: "short", label: "short", align: "right" },
          { key: "lastDelivery", label: "last delivery" },
          { key: "monthsLate", label: "months late", align: "right" },
        ],
        rows: r.demands.map((d) => ({ ...d, lastDelivery: d.lastDelivery ?? "none" })),
      },
      {
        title: "Bottlenecks (objective gain of +1 unit a month; +10% capacity re-solved for the top ones)",
        columns: [
          { key: "rank", label: "#", align: "right" },
          { key: "supply", label: "supply" },
          { key: "item", label: "item" },
          { key: "place", label: "site" },
          { key: "value", label: "value", align: "right" },
          { key: "months", label: "binds in" },
          { key: "units", label: "+10%: units", align: "right" },
          { key: "onTime", label: "on time", align: "right" },
          { key: "earlier", label: "earlier" },
        ],
        rows: r.bottlenecks.map((b) => ({
          rank: b.rank,
          supply: b.supply,
          item: b.itemName,
          place: `${b.siteName}${b.country ? ` (${b.country})` : ""}`,
          value: b.value,
          months: ranges(b.months),
          units: b.gain?.units,
          onTime: b.gain?.onTimeUnits,
          earlier: b.gain?.changes
            .filter((c) => c.monthsEarlier !== null && c.monthsEarlier !== 0)
            .slice(0, 3)
            .map((c) => `${c.demand ?? c.target} ${c.monthsEarlier} mo`)
            .join(", "),
        })),
      },
    ],
    notes,
  };
}

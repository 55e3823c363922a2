import type { Command } from "commander";
import {
  ParaatError,
  blocOf,
  findingKinds,
  riskQuerySchema,
  severities,
  type Dataset,
  type Finding,
  type RiskResult,
  type SpofImpact,
} from "@paraat/core";
import { parseInput } from "@paraat/services";
import { info, numberOption, print, withServices, type GlobalOptions } from "../context.js";
import type { Table } from "../output.js";

interface RiskCommandOptions {
  kind?: string;
  severity?: string;
  item?: string;
  impact?: boolean;
  impactTop: string;
  limit: string;
}

function figure(f: Finding): string {
  switch (f.unit) {
    case "share":
      return `${Math.round(f.figure * 1000) / 10}%`;
    case "supply risk":
      return `SR ${f.figure.toFixed(2)}`;
    case "hhi":
      return `HHI ${f.figure}`;
    case "options":
      return `${f.figure} option${f.figure === 1 ? "" : "s"}`;
    default:
      return `${f.figure} ${f.unit}`;
  }
}

const pct = (v: number): string => `${Math.round(v * 1000) / 10}%`;

function tables(r: RiskResult, dataset: Dataset, limit: number, impacts: SpofImpact[]): { tables: Table[]; notes: string[] } {
  const countries = new Map(dataset.countries.map((c) => [c.code, c]));
  const notes = [...r.notes];
  const register = limit > 0 ? r.register.slice(0, limit) : r.register;
  if (register.length < r.register.length)
    notes.push(`Register: ${r.register.length - register.length} more findings (use --limit 0, a filter, or --format json).`);
  const ends = new Set(r.spof.map((s) => s.endItem));
  const endItems = r.items.filter((i) => i.kind === "end-item" || ends.has(i.id));
  const users = new Map<string, Set<string>>();
  for (const d of r.dependencies) users.set(d.material, (users.get(d.material) ?? new Set()).add(d.endItem));
  const out: Table[] = [
    {
      title: `Risk register of ${r.dataset} (${r.register.length} findings, most severe first)`,
      columns: [
        { key: "severity", label: "severity" },
        { key: "score", label: "score", align: "right" },
        { key: "kind", label: "kind" },
        { key: "subject", label: "subject" },
        { key: "figure", label: "figure", align: "right" },
        { key: "explanation", label: "explanation" },
        { key: "mitigation", label: "mitigation" },
      ],
      rows: register.map((f) => ({ ...f, figure: figure(f) })),
    },
    {
      title: "Origin of end items by value (all BOM tiers)",
      columns: [
        { key: "id", label: "end item" },
        { key: "eu", label: "EU", align: "right" },
        { key: "nato", label: "NATO", align: "right" },
        { key: "partner", label: "partner", align: "right" },
        { key: "concern", label: "concern", align: "right" },
        { key: "other", label: "other", align: "right" },
        { key: "unsourced", label: "unsourced", align: "right" },
        { key: "euNato", label: "EU+NATO", align: "right" },
        { key: "spof", label: "SPOFs", align: "right" },
        { key: "path", label: "largest path outside the EU" },
      ],
      rows: endItems.map((i) => ({
        id: i.id,
        ...Object.fromEntries(Object.entries(i.exposure.byBloc).map(([k, v]) => [k, pct(v)])),
        euNato: pct(i.autonomy.euNato),
        spof: r.spof.filter((s) => s.endItem === i.id).length,
        path: i.paths.find((p) => p.country === "unsourced" || blocOf(countries.get(p.country)) !== "eu")?.text ?? "",
      })),
    },
    {
      title: "Raw materials by the EU supply-risk method (critical when SR ≥ 1 and EI ≥ 2.8)",
      columns: [
        { key: "item", label: "material" },
        { key: "supplyRisk", label: "SR", align: "right" },
        { key: "stage", label: "stage" },
        { key: "economicImportance", label: "EI", align: "right" },
        { key: "critical", label: "critical" },
        { key: "endItems", label: "end items using it", align: "right" },
      ],
      rows: [...r.materials]
        .sort((a, b) => Number(b.critical) - Number(a.critical) || b.supplyRisk - a.supplyRisk)
        .map((m) => ({ ...m, supplyRisk: Math.round(m.supplyRisk * 100) / 100, endItems: users.get(m.item)?.size ?? 0 })),
    },
  ];
  if (impacts.length > 0)
    out.push({
      title: "Impact of losing a single point of failure (re-planned)",
      columns: [
        { key: "node", label: "lost" },
        { key: "target", label: "target" },
        { key: "lostAtBy", label: "short at its date", align: "right" },
        { key: "monthsLater", label: "months later", align: "right" },
        { key: "outcome", label: "outcome" },
      ],
      rows: impacts.flatMap((imp) =>
        imp.error
          ? [{ node: `${imp.nodeKind} ${imp.node}`, target: "", outcome: `plan failed: ${imp.error.message}` }]
          : imp.targets.map((t) => ({
              node: `${imp.nodeKind} ${imp.node}`,
              target: t.id,
              lostAtBy: Math.round(t.lostAtBy),
              monthsLater: t.monthsLater,
              outcome: t.lost
                ? "never reached in the horizon"
                : t.monthsLater === null
                  ? "not reached in either plan"
                  : t.monthsLater > 0
                    ? "later"
                    : "unchanged",
            })),
      ),
    });
  return { tables: out, notes };
}

export function registerRisk(program: Command): void {
  program
    .command("risk")
    .description(
      "supply risk: origin by country and bloc, concentration, single points of failure, critical raw materials, ownership, and a risk register",
    )
    .option("--kind <kinds>", `register: only these kinds (comma-separated): ${findingKinds.join(", ")}`)
    .option("--severity <level>", `register: at least this severity: ${severities.join(", ")}`)
    .option("--item <id>", "only what concerns this item")
    .option(
      "--impact",
      "re-plan without the top single points of failure (sites, companies of end items with targets) and report the target loss",
    )
    .option("--impact-top <n>", "how many single points of failure --impact re-plans", "3")
    .option("--limit <n>", "register rows in table output (0 = all)", "50")
    .action(async (cmd: RiskCommandOptions) => {
      const opts = program.opts<GlobalOptions>();
      const [limit, impactTop] = [numberOption(cmd.limit), numberOption(cmd.impactTop)];
      if (!isCount(limit)) throw new ParaatError("INVALID_ARGUMENT", `--limit must be a whole number ≥ 0; got "${cmd.limit}"`);
      if (!isCount(impactTop)) throw new ParaatError("INVALID_ARGUMENT", `--impact-top must be a whole number ≥ 0; got "${cmd.impactTop}"`);
      const out = await withServices(
        opts,
        async ({ services, actor }) => {
          const name = await services.datasets.resolveName(actor, opts.dataset);
          // The same query schema as GET /api/datasets/:name/risk; problems name the option.
          const query = parseInput(riskQuerySchema, { kind: cmd.kind, severity: cmd.severity, item: cmd.item }, "query");
          const result = await services.risk.query(actor, name, query);
          const dataset = await services.datasets.get(actor, name);
          let impacts: SpofImpact[] = [];
          if (cmd.impact) {
            info(opts, `planning the baseline and up to ${impactTop} case${impactTop === 1 ? "" : "s"} without a single point of failure…`);
            impacts = await services.risk.impact(actor, name, impactTop);
          }
          return { result, dataset, impacts };
        },
        { optionNames: { kind: "--kind", severity: "--severity", item: "--item" } },
      );
      const { result, dataset, impacts } = out;
      const { tables: t, notes } = tables(result, dataset, limit, impacts);
      print(opts, { json: cmd.impact ? { ...result, impact: impacts } : result, tables: t, notes });
    });
}

function isCount(n: unknown): n is number {
  return typeof n === "number" && Number.isInteger(n) && n >= 0;
}

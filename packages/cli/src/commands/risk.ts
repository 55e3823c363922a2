import type { Command } from "commander";
import {
  ParaatError,
  analyzeRisk,
  blocOf,
  findingKinds,
  planDataset,
  severities,
  spofImpact,
  type Dataset,
  type Finding,
  type HostKind,
  type Planner,
  type RiskResult,
  type Severity,
  type SpofImpact,
} from "@paraat/core";
import { chooseSolver } from "@paraat/solver";
import { info, print, withStore, type GlobalOptions } from "../context.js";
import type { Table } from "../output.js";

interface RiskCommandOptions {
  kind?: string;
  severity?: string;
  item?: string;
  impact?: boolean;
  impactTop: string;
  limit: string;
}

function count(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new ParaatError("INVALID_ARGUMENT", `--${name} must be a whole number ≥ 0; got "${value}"`);
  return n;
}

function kinds(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const list = value.split(",").map((k) => k.trim());
  const unknown = list.filter((k) => !(findingKinds as readonly string[]).includes(k));
  if (unknown.length > 0)
    throw new ParaatError("INVALID_ARGUMENT", `--kind: unknown kind ${unknown.join(", ")}; use ${findingKinds.join(", ")}`);
  return list;
}

function severity(value: string | undefined): Severity | undefined {
  if (value === undefined) return undefined;
  if (!(severities as readonly string[]).includes(value))
    throw new ParaatError("INVALID_ARGUMENT", `--severity must be one of ${severities.join(", ")}; got "${value}"`);
  return value as Severity;
}

/** --item narrows every list to what concerns that item. */
function forItem(r: RiskResult, dataset: Dataset, item: string): RiskResult {
  if (!r.items.some((i) => i.id === item)) throw new ParaatError("NOT_FOUND", `no item "${item}" in dataset ${dataset.name}`);
  const sites = new Set(dataset.supply.filter((s) => s.item === item).map((s) => s.site));
  const companies = new Set(dataset.sites.filter((s) => sites.has(s.id)).map((s) => s.company));
  return {
    ...r,
    items: r.items.filter((i) => i.id === item),
    materials: r.materials.filter((m) => m.item === item),
    dependencies: r.dependencies.filter((d) => d.endItem === item || d.material === item),
    spof: r.spof.filter((s) => s.endItem === item || s.items.includes(item)),
    companies: r.companies.filter((c) => companies.has(c.id)),
  };
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

/** Site and company SPOFs of end items with targets, most severe first (by their items' register rank), with those targets. */
function impactNodes(r: RiskResult, top: number): { node: string; nodeKind: HostKind; targets: Set<string> }[] {
  const rank = new Map(r.register.map((f, k) => [f.subject, k]));
  const byNode = new Map<string, { node: string; nodeKind: HostKind; targets: Set<string>; rank: number }>();
  for (const s of r.spof) {
    if (s.nodeKind === "country" || s.targets.length === 0) continue;
    const key = `${s.nodeKind}:${s.node}`;
    const entry = byNode.get(key) ?? { node: s.node, nodeKind: s.nodeKind, targets: new Set<string>(), rank: Infinity };
    for (const t of s.targets) entry.targets.add(t);
    entry.rank = Math.min(entry.rank, ...s.items.map((i) => rank.get(i) ?? Infinity));
    byNode.set(key, entry);
  }
  return [...byNode.values()].sort((a, b) => a.rank - b.rank || a.node.localeCompare(b.node)).slice(0, top);
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
      const limit = count("limit", cmd.limit);
      const impactTop = count("impact-top", cmd.impactTop);
      const filter = { kind: kinds(cmd.kind), severity: severity(cmd.severity), subject: cmd.item };
      const dataset = await withStore(opts, async (store) => store.loadDataset(await store.resolveDatasetName(opts.dataset)));
      let result = analyzeRisk(dataset, { filter });
      if (cmd.item !== undefined) result = forItem(result, dataset, cmd.item);
      const impacts: SpofImpact[] = [];
      if (cmd.impact) {
        // The planner's own choice of backend by model size; no bottleneck re-solves (only targets are compared).
        const plan: Planner = async (d) => await planDataset(d, { bottlenecks: 0, resolveTop: 0 }, (size) => chooseSolver(size));
        const nodes = impactNodes(result, impactTop);
        info(opts, `planning the baseline and ${nodes.length} case${nodes.length === 1 ? "" : "s"} without a single point of failure…`);
        const baseline = await plan(dataset);
        for (const n of nodes) {
          const impact = await spofImpact(dataset, n, plan, { baseline });
          // Keep the targets whose end item the node is a SPOF of.
          impacts.push({ ...impact, targets: impact.targets.filter((t) => n.targets.has(t.id)) });
        }
      }
      const { tables: t, notes } = tables(result, dataset, limit, impacts);
      print(opts, { json: cmd.impact ? { ...result, impact: impacts } : result, tables: t, notes });
    });
}

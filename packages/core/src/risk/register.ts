/**
 * The risk register: one list of findings from every method, each with a severity score (0–100, the
 * rules are in docs/risk.md, "Register"), the key figure, an explanation and a suggested mitigation.
 */
import type { SupplyNetwork } from "../network/network.js";
import { blocOf } from "./blocs.js";
import { hostLabel, list, months, pct, formatQty } from "../words.js";
import type { ResolvedRiskOptions, RegisterFilter } from "./options.js";
import type { Requirements } from "./requirement.js";
import type { ItemSources } from "./sources.js";
import {
  severities,
  type CompanyRisk,
  type Finding,
  type FindingKind,
  type ItemRisk,
  type MaterialDependency,
  type MaterialRisk,
  type Severity,
} from "./types.js";

export interface RegisterInput {
  net: SupplyNetwork;
  options: ResolvedRiskOptions;
  items: readonly ItemRisk[];
  sources: readonly ItemSources[];
  req: Requirements;
  /** End items needing each item (by item number; empty when no end item needs it). */
  neededBy: readonly (readonly number[])[];
  ends: readonly number[];
  /** Target ids per item id. */
  targetsOf: ReadonlyMap<string, readonly string[]>;
  materials: readonly MaterialRisk[];
  dependencies: readonly MaterialDependency[];
  companies: readonly CompanyRisk[];
  missingWgi: readonly string[];
}

export function severityOf(score: number): Severity {
  return score >= 70 ? "high" : score >= 40 ? "medium" : "low";
}

function clamp(score: number): number {
  return Math.round(Math.max(0, Math.min(100, score)));
}

function finding(
  kind: FindingKind,
  subject: string,
  score: number,
  figure: number,
  unit: string,
  explanation: string,
  mitigation: string,
  related: string[],
): Finding {
  const s = clamp(score);
  return { id: `${kind}:${subject}`, kind, subject, severity: severityOf(s), score: s, figure, unit, explanation, mitigation, related };
}

/** "Hold a stockpile of N months: X units at Y a month (pool stock now covers Z)". */
function stockpileAdvice(input: RegisterInput, item: number): string {
  const n = input.options.stockpileMonths;
  const r = input.req.monthly[item]!;
  const name = input.net.items[item]!.name;
  if (r <= 0) return `Size a stockpile of ${name} once its usage is known (demands, or targets' usagePerPeriod).`;
  const have = input.req.pool[item]! / r;
  return `Hold a stockpile of ${months(n)} of ${name}: ${formatQty(n * r)} ${input.net.items[item]!.unit} at ${formatQty(r)} a month (pool stock now covers ${months(have)}).`;
}

function neededText(input: RegisterInput, item: number): { text: string; related: string[] } {
  const ends = input.neededBy[item]!;
  const names = ends.map((e) => input.net.items[e]!.name);
  const ids = new Set(ends.map((e) => input.net.items[e]!.id));
  const targets = [...ids].flatMap((id) => input.targetsOf.get(id) ?? []);
  const self = ends.length === 1 && ends[0] === item;
  const text = self
    ? "It is an end item."
    : `Needed by ${ends.length} end item${ends.length === 1 ? "" : "s"} (${list(names)})${targets.length > 0 ? `, targets ${list(targets)}` : ""}.`;
  return { text, related: [...ids, ...targets] };
}

function itemFindings(input: RegisterInput): Finding[] {
  const { net, options } = input;
  const out: Finding[] = [];
  input.items.forEach((it, i) => {
    if (input.neededBy[i]!.length === 0) return;
    const src = input.sources[i]!;
    const needed = neededText(input, i);
    const cover = it.stockMonths;
    const coverText = cover === null ? "" : ` Pool stock covers ${months(cover)}.`;
    if (src.sourcing === "none") {
      const all = net.options[i]!.length;
      const why =
        all > 0
          ? `its ${all} supply option${all === 1 ? " has" : "s have"} no capacity within the horizon`
          : "it has no supply option and no raw-material sourcing data";
      out.push(
        finding(
          "unsourced",
          it.id,
          85,
          0,
          "options",
          `${it.name} cannot be obtained: ${why}. ${needed.text}${coverText}`,
          `Contract a supplier for ${it.name}, preferably in the EU. ${stockpileAdvice(input, i)}`,
          needed.related,
        ),
      );
      return;
    }
    const ss = it.singleSource;
    if (ss.option || ss.company || ss.country) {
      const sole = ss.country ? [...src.byCountry.keys()][0]! : undefined;
      const bloc = sole === undefined ? undefined : blocOf(net.countries.get(sole));
      let score = 50 + (ss.option ? 15 : ss.company ? 10 : 5);
      score += bloc === "concern" ? 25 : bloc === "partner" || bloc === "other" ? 12 : bloc === "nato" ? 5 : 0;
      if (cover !== null) score -= cover >= options.stockpileMonths ? 15 : cover >= 3 ? 5 : 0;
      if (input.neededBy[i]!.length >= 10) score += 5;
      const what = ss.option
        ? `one supply option, ${hostLabel(net, "site", src.options[0]!.site)}`
        : ss.company
          ? `${src.options.length} options, all of ${hostLabel(net, "company", src.options[0]!.company)}`
          : `${src.options.length} options, all in ${hostLabel(net, "country", sole!)}`;
      const hasEu = [...src.byCountry.keys()].some((c) => blocOf(net.countries.get(c)) === "eu");
      const second = hasEu
        ? `Qualify a second source${ss.company ? " at another company" : ""}, preferably in another EU country.`
        : `Qualify a second source in the EU, or license production of ${it.name} to an EU company.`;
      out.push(
        finding(
          "single-source",
          it.id,
          score,
          src.options.length,
          "options",
          `${it.name} has ${what}: its loss leaves ${it.name} without supply. ${needed.text}${coverText}`,
          `${second} ${stockpileAdvice(input, i)}`,
          [...needed.related, ...src.hosts.map((h) => h.id)],
        ),
      );
      return;
    }
    if (it.hhiCountry !== null && it.hhiCountry > 2500) {
      const [topCountry, topShare] = [...src.byCountry].sort((a, b) => b[1] - a[1])[0]!;
      const concern = blocOf(net.countries.get(topCountry)) === "concern";
      out.push(
        finding(
          "concentration",
          it.id,
          20 + (20 * (it.hhiCountry - 2500)) / 7500 + (concern ? 15 : 0),
          Math.round(it.hhiCountry),
          "hhi",
          `Sources of ${it.name} are highly concentrated by country (HHI ${Math.round(it.hhiCountry)}; ${topCountry} ${pct(topShare)}${it.hhiCompany === null ? "" : `; by company ${Math.round(it.hhiCompany)}`}). ${needed.text}`,
          `Add capacity for ${it.name} in another EU country.`,
          needed.related,
        ),
      );
    }
  });
  return out;
}

function exposureFindings(input: RegisterInput): Finding[] {
  const { net, options } = input;
  const out: Finding[] = [];
  for (const e of input.ends) {
    const it = input.items[e]!;
    const concern = it.exposure.byBloc.concern;
    const related = [...(input.targetsOf.get(it.id) ?? [])];
    if (concern >= options.concernExposureThreshold && concern > 0) {
      const countries = Object.entries(it.exposure.byCountry)
        .filter(([c]) => blocOf(net.countries.get(c)) === "concern")
        .sort((a, b) => b[1] - a[1]);
      const path = it.paths.find((p) => blocOf(net.countries.get(p.country)) === "concern");
      const source = path ? net.items[net.itemIndex.get(path.items[path.items.length - 1]!)!]! : undefined;
      out.push(
        finding(
          "exposure",
          it.id,
          40 + 100 * concern,
          concern,
          "share",
          `${pct(concern)} of the value of ${it.name} comes from countries of concern (${countries.map(([c, s]) => `${c} ${pct(s)}`).join(", ")}).${path ? ` Largest path: ${path.text}.` : ""}`,
          source
            ? `Qualify a second source of ${source.name} in the EU or license its production to an EU company; meanwhile ${stockpileAdvice(input, net.itemIndex.get(source.id)!).replace(/^Hold/, "hold")}`
            : "Find the concern-country parts in the paths and source them in the EU.",
          [...related, ...(path ? path.items : [])],
        ),
      );
    }
    const euNato = it.autonomy.euNato;
    if (euNato < options.autonomyThreshold) {
      out.push(
        finding(
          "autonomy",
          it.id,
          30 + (40 * (options.autonomyThreshold - euNato)) / options.autonomyThreshold,
          euNato,
          "share",
          `Only ${pct(euNato)} of the value of ${it.name} comes from the EU and NATO (EU ${pct(it.autonomy.eu)}).`,
          `Move the largest non-EU/NATO parts of ${it.name} to EU or NATO suppliers: ${it.paths
            .filter((p) => !["eu", "nato"].includes(blocOf(net.countries.get(p.country))))
            .slice(0, 2)
            .map((p) => p.text)
            .join("; ")}.`,
          related,
        ),
      );
    }
  }
  return out;
}

function materialFindings(input: RegisterInput): Finding[] {
  const { net, options } = input;
  const users = new Map<string, MaterialDependency[]>();
  for (const d of input.dependencies) {
    const list = users.get(d.material);
    if (list) list.push(d);
    else users.set(d.material, [d]);
  }
  const out: Finding[] = [];
  for (const m of input.materials) {
    if (m.supplyRisk < options.supplyRiskThreshold) continue;
    const i = net.itemIndex.get(m.item);
    const name = i === undefined ? m.item : net.items[i]!.name;
    const deps = users.get(m.item) ?? [];
    const endNames = deps.map((d) => net.items[net.itemIndex.get(d.endItem)!]!.name);
    const viaNames = [...new Set(deps.flatMap((d) => d.via))].map((v) => net.items[net.itemIndex.get(v)!]!.name);
    const use =
      deps.length > 0
        ? `Used by ${deps.length} end item${deps.length === 1 ? "" : "s"} (${list(endNames)}) through ${list(viaNames)}.`
        : "No end item in the dataset uses it.";
    const material = net.dataset.materials.find((x) => x.item === m.item)!;
    const stage = material.stages.find((s) => s.stage === m.stage)!;
    const [top, topShare] = Object.entries(stage.euSourcing).sort((a, b) => b[1] - a[1])[0] ?? ["?", 0];
    const ei = m.economicImportance === null ? "EI unknown" : `EI ${m.economicImportance.toFixed(1)}`;
    const advice =
      `Diversify EU sourcing of ${name} away from ${top} (${pct(topShare)}), raise recycling and look for substitutes. ${i === undefined ? "" : stockpileAdvice(input, i)}`.trim();
    const related = [...new Set(deps.map((d) => d.endItem))];
    if (m.critical)
      out.push(
        finding(
          "critical-material",
          m.item,
          60 + 10 * Math.min(m.supplyRisk - 1, 3.5) - (deps.length === 0 ? 20 : 0),
          m.supplyRisk,
          "supply risk",
          `${name} is a critical raw material by the EU method: SR ${m.supplyRisk.toFixed(2)} (${m.stage}) ≥ ${options.supplyRiskThreshold}, ${ei} ≥ ${options.economicImportanceThreshold}. ${use}`,
          advice,
          related,
        ),
      );
    else
      out.push(
        finding(
          "supply-risk",
          m.item,
          40 + 5 * Math.min(m.supplyRisk - 1, 4) - (deps.length === 0 ? 15 : 0),
          m.supplyRisk,
          "supply risk",
          `${name} has a high supply risk by the EU method (SR ${m.supplyRisk.toFixed(2)}, ${m.stage}) but is not critical (${ei}). ${use}`,
          advice,
          related,
        ),
      );
  }
  return out;
}

function ownershipFindings(input: RegisterInput): Finding[] {
  const { net } = input;
  const suppliers = new Set<string>();
  input.sources.forEach((s, i) => {
    if (input.neededBy[i]!.length > 0) for (const o of s.options) suppliers.add(o.company);
  });
  const out: Finding[] = [];
  for (const c of input.companies) {
    const flag = c.flags[0];
    if (!flag) continue;
    const top =
      flag.kind === "concern"
        ? flag.threshold >= 0.5
          ? 90
          : flag.threshold >= 0.25
            ? 75
            : 55
        : flag.threshold >= 0.5
          ? 70
          : flag.threshold >= 0.25
            ? 55
            : 40;
    const owners = c.ultimateOwners
      .filter((u) => u.country === flag.country)
      .map((u) => `${u.kind === "state" ? `the state of ${u.country}` : (net.companies.get(u.owner)?.name ?? u.owner)} ${pct(u.share)}`);
    const what =
      flag.kind === "concern"
        ? `owners in ${flag.country}, a country of concern, hold`
        : `the state of ${flag.country} (outside the EU and NATO) holds`;
    out.push(
      finding(
        "foreign-influence",
        c.id,
        top + (suppliers.has(c.id) ? 5 : 0),
        flag.share,
        "share",
        `${c.name} (${c.country}): ${what} ${pct(flag.share)} ultimately (${owners.join(", ")}), reaching the ${pct(flag.threshold)} threshold.${suppliers.has(c.id) ? " It supplies needed items." : ""}`,
        "Check it in the security declaration; screen the investment; ask for ring-fenced management or qualify an alternative supplier.",
        [...new Set(c.ultimateOwners.map((u) => u.owner))],
      ),
    );
  }
  return out;
}

function dataGapFindings(input: RegisterInput): Finding[] {
  return input.missingWgi.map((code) =>
    finding(
      "data-gap",
      code,
      15,
      input.options.missingWgi === "error" ? 0 : input.options.missingWgi,
      "wgi",
      `Country ${code} has no WGI; supply risk used ${String(input.options.missingWgi)} for it.`,
      `Add the WGI of ${code} (World Bank governance indicators, rescaled (2.5 − mean) × 2).`,
      [],
    ),
  );
}

export function buildRegister(input: RegisterInput): Finding[] {
  const all = [
    ...itemFindings(input),
    ...exposureFindings(input),
    ...materialFindings(input),
    ...ownershipFindings(input),
    ...dataGapFindings(input),
  ];
  return all.sort((a, b) => b.score - a.score || a.kind.localeCompare(b.kind) || a.subject.localeCompare(b.subject));
}

export function filterRegister(register: readonly Finding[], filter: RegisterFilter = {}): Finding[] {
  const least = filter.severity === undefined ? 0 : severities.indexOf(filter.severity);
  return register.filter(
    (f) =>
      (filter.kind === undefined || filter.kind.includes(f.kind)) &&
      severities.indexOf(f.severity) >= least &&
      (filter.subject === undefined || f.subject === filter.subject || f.related.includes(filter.subject)),
  );
}

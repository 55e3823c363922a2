/** The pure part of the Scenarios pages: the change builder's form to a change, pickers, tables. Tested beside. */
import type { Dataset, ScenarioComparison } from "@paraat/core";

export type ChangeKind = "outage" | "capacity" | "priority";

export interface ChangeForm {
  kind: ChangeKind;
  node: string;
  item: string;
  supply: string;
  consumer: string;
  from: string;
  to: string;
  months: string;
  share: string;
  factor: string;
  priority: string;
}

export const emptyChange = (from: string): ChangeForm => ({
  kind: "outage",
  node: "",
  item: "",
  supply: "",
  consumer: "",
  from,
  to: "",
  months: "",
  share: "",
  factor: "",
  priority: "",
});

/** A number field: empty is absent; anything else goes to the server as typed, for it to refuse by field if wrong. */
function num(v: string): number | string | undefined {
  if (v.trim() === "") return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : v;
}

const defined = (o: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== ""));

/** The change the form describes, in the scenario file's field names. */
export function changeOf(f: ChangeForm): Record<string, unknown> {
  switch (f.kind) {
    case "outage":
      return defined({ kind: "outage", node: f.node, item: f.item, from: f.from, months: num(f.months), share: num(f.share) });
    case "capacity":
      return defined({ kind: "capacity", supply: f.supply, from: f.from, to: f.to, factor: num(f.factor) });
    case "priority":
      return defined({ kind: "priority", consumer: f.consumer, priority: num(f.priority) });
  }
}

/** Sites, companies and countries that an outage may name, labelled, in that order. */
export function nodeOptions(d: Dataset): { value: string; label: string; group: "site" | "company" | "country" }[] {
  return [
    ...d.sites.map((s) => ({ value: s.id, label: `${s.name} (${s.country})`, group: "site" as const })),
    ...d.companies.map((c) => ({ value: c.id, label: `${c.name} (${c.country})`, group: "company" as const })),
    ...d.countries.map((c) => ({ value: c.code, label: `${c.name} (${c.code})`, group: "country" as const })),
  ];
}

/** A starting events file: outages of the three sites with most supply options. */
export function exampleEvents(d: Dataset): unknown {
  const count = new Map<string, number>();
  for (const s of d.supply) count.set(s.site, (count.get(s.site) ?? 0) + 1);
  const sites = [...count].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 3);
  const [y, m] = d.horizon.start.split("-");
  const to = `${Number(y) + 2}-${m}`;
  return {
    format: "paraat-events",
    version: 1,
    events: sites.map(([site], k) => ({
      id: `${site}-outage`,
      kind: "outage",
      node: site,
      probability: [0.2, 0.1, 0.05][k],
      start: { from: d.horizon.start, to },
      months: { dist: "uniform", min: 1, max: 6 },
    })),
  };
}

export interface CompareRow {
  id: string;
  cells: { scenario: string; value: string | null; diff: number | null; worse: boolean; better: boolean }[];
}

/** One row per target: the month it is met in each scenario, and months later than the base. */
export function targetRows(c: ScenarioComparison): CompareRow[] {
  const ids = c.scenarios[0]?.targets.map((t) => t.id) ?? [];
  return ids.map((id) => ({
    id,
    cells: c.scenarios.map((s) => {
      const t = s.targets.find((x) => x.id === id);
      const later = t?.diff?.monthsLater ?? null;
      const lost = t?.diff?.metChanged === true && t.met === false;
      return { scenario: s.name, value: t?.metAt ?? null, diff: later, worse: (later ?? 0) > 0 || lost, better: (later ?? 0) < 0 };
    }),
  }));
}

/** One row per demand: what is short in each scenario, and the difference to the base. */
export function demandRows(c: ScenarioComparison): CompareRow[] {
  const ids = c.scenarios[0]?.demands.map((d) => d.id) ?? [];
  return ids.map((id) => ({
    id,
    cells: c.scenarios.map((s) => {
      const d = s.demands.find((x) => x.id === id);
      const diff = d?.diff?.short ?? null;
      return {
        scenario: s.name,
        value: d === undefined ? null : String(Math.round(d.short * 100) / 100),
        diff,
        worse: (diff ?? 0) > 1e-6,
        better: (diff ?? 0) < -1e-6,
      };
    }),
  }));
}

/** Filtering and sorting the risk register, and keeping that state in the URL. Pure. */
import type { Finding, FindingKind, Severity } from "@paraat/core";

export const findingKindList = [
  "unsourced",
  "single-source",
  "concentration",
  "exposure",
  "autonomy",
  "critical-material",
  "supply-risk",
  "foreign-influence",
  "data-gap",
] as const satisfies readonly FindingKind[];
// Fails to compile when core adds a kind this list lacks.
const _allKinds: Record<Exclude<FindingKind, (typeof findingKindList)[number]>, never> = {};
void _allKinds;

export const severityList = ["low", "medium", "high"] as const satisfies readonly Severity[];
export const sortKeys = ["score", "kind", "subject", "figure"] as const;
export type SortKey = (typeof sortKeys)[number];

export interface RiskQuery {
  /** Empty: every kind. */
  kinds: FindingKind[];
  /** At least this severity. */
  severity: Severity | null;
  text: string;
  sort: SortKey;
  descending: boolean;
}

export const defaultRiskQuery: RiskQuery = { kinds: [], severity: null, text: "", sort: "score", descending: true };

const rank: Record<Severity, number> = { low: 0, medium: 1, high: 2 };

/** Findings that pass the query, sorted; `names` lets text search match the subject's name too. */
export function filterFindings(register: readonly Finding[], q: RiskQuery, names: (id: string) => string = (id) => id): Finding[] {
  const text = q.text.trim().toLowerCase();
  const kinds = new Set(q.kinds);
  const out = register.filter((f) => {
    if (kinds.size > 0 && !kinds.has(f.kind)) return false;
    if (q.severity && rank[f.severity] < rank[q.severity]) return false;
    if (!text) return true;
    const hay = [f.id, f.subject, names(f.subject), f.explanation, f.mitigation, ...f.related].join("\n").toLowerCase();
    return hay.includes(text);
  });
  const dir = q.descending ? -1 : 1;
  const cmp = (a: Finding, b: Finding): number => {
    switch (q.sort) {
      case "score":
        return a.score - b.score;
      case "figure":
        return a.figure - b.figure;
      case "kind":
        return a.kind.localeCompare(b.kind);
      case "subject":
        return names(a.subject).localeCompare(names(b.subject));
    }
  };
  // Ties: highest score first, then id, whatever the direction, so the order is stable.
  return out.sort((a, b) => dir * cmp(a, b) || b.score - a.score || a.id.localeCompare(b.id));
}

export function queryToParams(q: RiskQuery): Record<string, string> {
  const p: Record<string, string> = {};
  if (q.kinds.length > 0) p.kind = q.kinds.join(",");
  if (q.severity) p.severity = q.severity;
  if (q.text) p.q = q.text;
  if (q.sort !== "score" || !q.descending) p.sort = `${q.sort}:${q.descending ? "desc" : "asc"}`;
  return p;
}

/** Reads the URL's query; anything unknown is dropped, not an error. */
export function paramsToQuery(p: Record<string, string>): RiskQuery {
  const kinds = (p.kind ?? "").split(",").filter((k): k is FindingKind => (findingKindList as readonly string[]).includes(k));
  const severity = (severityList as readonly string[]).includes(p.severity ?? "") ? (p.severity as Severity) : null;
  const [sortKey = "score", dir = "desc"] = (p.sort ?? "").split(":");
  const sort = (sortKeys as readonly string[]).includes(sortKey) ? (sortKey as SortKey) : "score";
  return { kinds, severity, text: p.q ?? "", sort, descending: p.sort ? dir !== "asc" : true };
}

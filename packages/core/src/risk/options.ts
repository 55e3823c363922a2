/** Options of the risk analysis, with documented defaults (docs/risk.md), and their checks. */
import { ParaatError } from "../errors.js";
import { severities, type Severity } from "./types.js";

export interface RegisterFilter {
  /** Keep findings of these kinds. */
  kind?: readonly string[];
  /** Keep findings of at least this severity. */
  severity?: Severity;
  /** Keep findings about this id (their subject, or an id they name in `related`). */
  subject?: string;
}

/** The methods analyzeRisk can run; the lists of the others come back empty. */
export const riskMethods = ["exposure", "concentration", "spof", "materials", "ownership", "register"] as const;
export type RiskMethod = (typeof riskMethods)[number];

export interface RiskOptions {
  /** Run only these methods (default all). The register needs all the others and is skipped when any is left out. */
  only?: readonly RiskMethod[];
  /**
   * Write the texts (path texts, SPOF explanations). Default true; false leaves them "" for callers that
   * only need the figures, which on a large network is most of the time and memory.
   */
  texts?: boolean;
  /** Paths kept per item beyond the best one per country (the K largest overall). Default 3. */
  topPaths?: number;
  /** At most this many paths reported per item. Default 10. */
  maxPaths?: number;
  /** Ownership thresholds (fractions, ascending) that raise a flag. Default [0.1, 0.25, 0.5]. */
  ownershipThresholds?: readonly number[];
  /** A material is critical when SR ≥ this … Default 1 (EU method). */
  supplyRiskThreshold?: number;
  /** … and EI ≥ this. Default 2.8 (EU method). */
  economicImportanceThreshold?: number;
  /** WGI (0–10) used for a country without one; "error" to refuse. Default 5, the middle of the scale. */
  missingWgi?: number | "error";
  /** Exposure to countries of concern from which an end item gets a finding. Default 0.01 (1%). */
  concernExposureThreshold?: number;
  /** EU + NATO share below which an end item gets an autonomy finding. Default 0.5. */
  autonomyThreshold?: number;
  /** Months of usage a suggested stockpile covers. Default 12. */
  stockpileMonths?: number;
  /** Filter applied to the register (the other lists are never filtered here). */
  filter?: RegisterFilter;
}

export type ResolvedRiskOptions = Required<Omit<RiskOptions, "filter">> & { filter: RegisterFilter };

export const defaultRiskOptions: ResolvedRiskOptions = {
  only: riskMethods,
  texts: true,
  topPaths: 3,
  maxPaths: 10,
  ownershipThresholds: [0.1, 0.25, 0.5],
  supplyRiskThreshold: 1,
  economicImportanceThreshold: 2.8,
  missingWgi: 5,
  concernExposureThreshold: 0.01,
  autonomyThreshold: 0.5,
  stockpileMonths: 12,
  filter: {},
};

function bad(field: string, value: unknown, expected: string): ParaatError {
  return new ParaatError("INVALID_ARGUMENT", `risk: ${field} must be ${expected}, got ${JSON.stringify(value)}`, {
    details: { field, value, expected },
  });
}

export function resolveRiskOptions(options: RiskOptions = {}): ResolvedRiskOptions {
  const o: ResolvedRiskOptions = { ...defaultRiskOptions };
  for (const [k, v] of Object.entries(options)) if (v !== undefined) (o as unknown as Record<string, unknown>)[k] = v;
  const count = (field: "topPaths" | "maxPaths"): void => {
    if (!Number.isInteger(o[field]) || o[field] < 0 || o[field] > 1000) throw bad(field, o[field], "a whole number from 0 to 1000");
  };
  count("topPaths");
  count("maxPaths");
  const nonNegative = (field: "supplyRiskThreshold" | "economicImportanceThreshold" | "stockpileMonths"): void => {
    if (!(Number.isFinite(o[field]) && o[field] >= 0)) throw bad(field, o[field], "a number ≥ 0");
  };
  nonNegative("supplyRiskThreshold");
  nonNegative("economicImportanceThreshold");
  nonNegative("stockpileMonths");
  for (const field of ["concernExposureThreshold", "autonomyThreshold"] as const)
    if (!(Number.isFinite(o[field]) && o[field] >= 0 && o[field] <= 1)) throw bad(field, o[field], "a fraction from 0 to 1");
  const t = o.ownershipThresholds;
  if (!Array.isArray(t) || t.length === 0 || t.some((x, i) => !(x > 0 && x <= 1) || (i > 0 && x <= t[i - 1]!)))
    throw bad("ownershipThresholds", t, "ascending fractions in (0, 1]");
  if (o.missingWgi !== "error" && !(typeof o.missingWgi === "number" && o.missingWgi >= 0 && o.missingWgi <= 10))
    throw bad("missingWgi", o.missingWgi, `a WGI from 0 to 10 or "error"`);
  const only: unknown = o.only;
  if (!Array.isArray(only) || only.some((m) => !(riskMethods as readonly unknown[]).includes(m)))
    throw bad("only", o.only, `a list of ${riskMethods.join(", ")}`);
  const f = o.filter;
  if (f.severity !== undefined && !severities.includes(f.severity))
    throw bad("filter.severity", f.severity, `one of ${severities.join(", ")}`);
  return o;
}

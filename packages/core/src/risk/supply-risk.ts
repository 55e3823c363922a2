/**
 * Raw-material supply risk by the EU critical raw materials method (European Commission, 2017
 * guidelines; docs/risk.md, "Supply risk"):
 *   SR = [HHI_WGI,t(GS) · IR/2 + HHI_WGI,t(EU sourcing) · (1 − IR/2)] · (1 − EoL_RIR) · SI_SR
 *   HHI_WGI,t = Σ_c S_c² · WGI_c · t_c   (S_c fractions, WGI 0 best … 10 worst, t_c default 1)
 * per stage; the higher stage is reported; critical when SR ≥ 1 and EI ≥ 2.8 (both options).
 */
import { ParaatError } from "../errors.js";
import type { Country, Material, MaterialStage } from "../model/schema.js";
import type { MaterialRisk, StageRisk } from "./types.js";

export interface SupplyRiskOptions {
  supplyRiskThreshold: number;
  economicImportanceThreshold: number;
  /** WGI for a country without one, or "error". */
  missingWgi: number | "error";
}

/** HHI_WGI,t of one set of country shares; countries without a WGI are collected in `missing`. */
export function hhiWgi(
  shares: Record<string, number>,
  wgi: (code: string) => number | undefined,
  trade: Record<string, number> | undefined,
  fallback: number | "error",
  missing: Set<string>,
): number {
  let sum = 0;
  for (const [code, s] of Object.entries(shares)) {
    let w = wgi(code);
    if (w === undefined) {
      if (fallback === "error")
        throw new ParaatError("VALIDATION_FAILED", `supply risk: country ${code} has no wgi; give one or set a default`, {
          details: { country: code },
        });
      missing.add(code);
      w = fallback;
    }
    sum += s * s * w * (trade?.[code] ?? 1);
  }
  return sum;
}

export function stageSupplyRisk(
  hhiGlobal: number,
  hhiEu: number,
  stage: Pick<MaterialStage, "importReliance" | "eolRir" | "substitution">,
): number {
  const ir = stage.importReliance;
  return (hhiGlobal * (ir / 2) + hhiEu * (1 - ir / 2)) * (1 - stage.eolRir) * stage.substitution;
}

export function materialSupplyRisk(material: Material, countries: ReadonlyMap<string, Country>, options: SupplyRiskOptions): MaterialRisk {
  const missing = new Set<string>();
  const wgi = (code: string): number | undefined => countries.get(code)?.wgi;
  const stages: StageRisk[] = material.stages.map((s) => {
    const hhiGlobal = hhiWgi(s.globalSupply, wgi, material.tradeAdjustment, options.missingWgi, missing);
    const hhiEu = hhiWgi(s.euSourcing, wgi, material.tradeAdjustment, options.missingWgi, missing);
    return { stage: s.stage, hhiGlobal, hhiEu, supplyRisk: stageSupplyRisk(hhiGlobal, hhiEu, s) };
  });
  // The schema requires at least one stage; the higher one is reported (ties: the first listed).
  const worst = stages.reduce((a, b) => (b.supplyRisk > a.supplyRisk ? b : a));
  const ei = material.economicImportance ?? null;
  return {
    item: material.item,
    supplyRisk: worst.supplyRisk,
    stage: worst.stage,
    economicImportance: ei,
    critical: ei !== null && worst.supplyRisk >= options.supplyRiskThreshold && ei >= options.economicImportanceThreshold,
    stages,
    missingWgi: [...missing].sort(),
  };
}

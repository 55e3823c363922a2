/** The result of the risk analysis. Field names marked "fixed" are read by other tools. */
import type { Horizon } from "../month.js";
import type { ItemKind } from "../model/schema.js";
import type { HostKind } from "../network/types.js";

/** Country blocs; a country of concern counts as "concern" whatever else it is. */
export const blocs = ["eu", "nato", "partner", "concern", "other"] as const;
export type Bloc = (typeof blocs)[number];

/** HHI bands of the 2010 merger guidelines. */
export type HhiBand = "unconcentrated" | "moderate" | "high";

export const severities = ["low", "medium", "high"] as const;
export type Severity = (typeof severities)[number];

export interface ExposurePath {
  /** Item ids from the analysed item down to the item whose own production is the source. */
  items: string[];
  country: string;
  /** Share of the analysed item's value that flows along this path from this country. */
  share: number;
  /** Share of the last item's own sourcing that comes from this country. */
  sourceShare: number;
  /** E.g. "155 mm shell ← propellant ← nitrocellulose ← cotton linters: CN 70% of supply, 2.1% of value". */
  text: string;
}

export interface Exposure {
  /** Fixed. Share of value per country code; sums to 1 − byBloc.unsourced. */
  byCountry: Record<string, number>;
  /** Fixed keys eu, nato, partner, concern, other; plus unsourced (items with no supply). Sums to 1. */
  byBloc: Record<Bloc, number> & { unsourced: number };
}

export interface SingleSource {
  /** One active supply option. */
  option: boolean;
  /** All active options belong to one company. */
  company: boolean;
  /** All active options are in one country. */
  country: boolean;
}

export interface ItemRisk {
  id: string;
  name: string;
  kind: ItemKind;
  /** Where the item's own origin comes from: its supply options, the EU sourcing of its material data, or nowhere. */
  sourcing: "supply" | "material" | "none";
  exposure: Exposure;
  autonomy: { eu: number; euNato: number };
  /** HHI 0–10,000 of the item's direct sources by country; null without sources. */
  hhiCountry: number | null;
  hhiCompany: number | null;
  hhiCountryBand: HhiBand | null;
  hhiCompanyBand: HhiBand | null;
  singleSource: SingleSource;
  /** Number of active supply options. */
  options: number;
  paths: ExposurePath[];
  /** Mean monthly requirement from demands and targets, exploded through the BOM (units/month). */
  monthlyRequirement: number;
  poolStock: number;
  /** Pool stock / monthly requirement; null when nothing is required. */
  stockMonths: number | null;
}

export interface StageRisk {
  stage: "extraction" | "processing";
  /** HHI_WGI,t of global supply (0–10). */
  hhiGlobal: number;
  /** HHI_WGI,t of EU sourcing (0–10). */
  hhiEu: number;
  supplyRisk: number;
}

export interface MaterialRisk {
  item: string;
  supplyRisk: number;
  stage: "extraction" | "processing";
  economicImportance: number | null;
  critical: boolean;
  stages: StageRisk[];
  /** Countries without a WGI for which the default was used. */
  missingWgi: string[];
}

export interface MaterialDependency {
  endItem: string;
  material: string;
  critical: boolean;
  supplyRisk: number;
  /** Units of material per unit of end item, over all BOM paths. */
  qtyPerUnit: number;
  /** The parts in the end item's tree that use the material directly. */
  via: string[];
  /** One shortest BOM path from the end item to the material. */
  path: string[];
}

export interface Spof {
  endItem: string;
  node: string;
  nodeKind: HostKind;
  explanation: string;
  /** Needed items left without any supply when the node is lost. */
  items: string[];
  /** A shortest BOM path from the end item to the first of those items. */
  path: string[];
  /** Targets on the end item. */
  targets: string[];
  /** Least months of pool-stock cover among the items; null when none of them has a requirement. */
  stockMonths: number | null;
}

export interface UltimateOwner {
  /** A company id, or a country code for a state. */
  owner: string;
  kind: "state" | "company";
  country: string;
  bloc: Bloc;
  share: number;
}

export interface OwnershipFlag {
  kind: "concern" | "foreign-state";
  country: string;
  share: number;
  /** The highest threshold reached. */
  threshold: number;
}

export interface CompanyRisk {
  id: string;
  name: string;
  country: string;
  /** Terminal holders: states, and companies for the part of them no listed owner holds. */
  ultimateOwners: UltimateOwner[];
  stateOwners: { country: string; share: number }[];
  /** Share held, ultimately, per country (of the state, or where the owning company is registered). */
  byCountry: Record<string, number>;
  /** Share that only circulates in ownership cycles and reaches no terminal holder. */
  circular: number;
  flags: OwnershipFlag[];
}

export const findingKinds = [
  "unsourced",
  "single-source",
  "concentration",
  "exposure",
  "autonomy",
  "critical-material",
  "supply-risk",
  "foreign-influence",
  "data-gap",
] as const;
export type FindingKind = (typeof findingKinds)[number];

export interface Finding {
  /** Stable: `${kind}:${subject}`. */
  id: string;
  kind: FindingKind;
  /** The item, material, company or country the finding is about. */
  subject: string;
  severity: Severity;
  /** 0–100; high ≥ 70, medium ≥ 40. */
  score: number;
  figure: number;
  /** What the figure measures, e.g. "share", "hhi", "options", "supply risk". */
  unit: string;
  explanation: string;
  mitigation: string;
  /** Other ids the finding concerns (end items, targets, sites, companies). */
  related: string[];
}

export interface RiskResult {
  dataset: string;
  horizon: Horizon;
  items: ItemRisk[];
  materials: MaterialRisk[];
  dependencies: MaterialDependency[];
  spof: Spof[];
  companies: CompanyRisk[];
  register: Finding[];
  /** Data gaps and defaults used, in words. */
  notes: string[];
}

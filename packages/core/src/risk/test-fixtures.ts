/**
 * A terse builder of small valid datasets for the risk and network tests (not exported from the
 * package index). Every call adds one row; build() validates and throws on any issue.
 */
import { ParaatError } from "../errors.js";
import { formatIssue } from "../model/issue.js";
import type { Dataset, DatasetInput, ItemKind, Material, MaterialStage, OwnerShare } from "../model/schema.js";
import { DATASET_FORMAT, DATASET_VERSION } from "../model/schema.js";
import { validateDataset } from "../model/validate.js";

type Rows<K extends keyof Dataset> = Dataset[K];

export class TinyDataset {
  private readonly rows = {
    countries: [] as Rows<"countries">,
    companies: [] as Rows<"companies">,
    sites: [] as Rows<"sites">,
    items: [] as Rows<"items">,
    bom: [] as Rows<"bom">,
    supply: [] as Rows<"supply">,
    stocks: [] as Rows<"stocks">,
    consumers: [] as Rows<"consumers">,
    demands: [] as Rows<"demands">,
    targets: [] as Rows<"targets">,
    materials: [] as Rows<"materials">,
  };

  constructor(
    readonly start = "2025-01",
    readonly periods = 12,
  ) {}

  country(code: string, o: { eu?: boolean; nato?: boolean; concern?: boolean; wgi?: number } = {}): this {
    this.rows.countries.push({
      code,
      name: `Country ${code}`,
      eu: o.eu ?? false,
      nato: o.nato ?? false,
      concern: o.concern ?? false,
      ...(o.wgi === undefined ? {} : { wgi: o.wgi }),
    });
    return this;
  }

  company(id: string, country: string, owners: OwnerShare[] = []): this {
    this.rows.companies.push({ id, name: `Company ${id}`, country, base: [], owners, clearance: "none" });
    return this;
  }

  /** A site; its company is created (in the same country) when it does not exist yet. */
  site(id: string, country: string, company = `${id}-co`): this {
    if (!this.rows.companies.some((c) => c.id === company)) this.company(company, country);
    this.rows.sites.push({ id, company, country, name: `Site ${id}` });
    return this;
  }

  item(id: string, unitValue: number, kind: ItemKind = "component"): this {
    this.rows.items.push({ id, name: id, kind, unit: "pcs", unitValue });
    return this;
  }

  bom(parent: string, child: string, qty: number): this {
    this.rows.bom.push({ parent, child, qty });
    return this;
  }

  /** A supply option with capacity steps [month, perPeriod] (default: `perPeriod` from the start). */
  supply(item: string, site: string, perPeriod: number | [string, number][], id = `${item}@${site}`): this {
    const steps = typeof perPeriod === "number" ? [[this.start, perPeriod] as [string, number]] : perPeriod;
    this.rows.supply.push({ id, item, site, leadTime: 1, unitCost: 1, capacity: steps.map(([from, p]) => ({ from, perPeriod: p })) });
    return this;
  }

  stock(item: string, qty: number, holder = "pool"): this {
    this.rows.stocks.push({ item, holder, qty });
    return this;
  }

  consumer(id: string, country: string): this {
    this.rows.consumers.push({ id, name: `Consumer ${id}`, country, priority: 1 });
    return this;
  }

  target(id: string, item: string, consumer: string, level: number, usagePerPeriod?: number): this {
    this.rows.targets.push({ id, item, consumer, level, by: this.start, ...(usagePerPeriod === undefined ? {} : { usagePerPeriod }) });
    return this;
  }

  demand(id: string, item: string, consumer: string, qty: number): this {
    this.rows.demands.push({ id, item, consumer, qty, due: this.start });
    return this;
  }

  material(
    item: string,
    stages: MaterialStage[],
    o: { economicImportance?: number; tradeAdjustment?: Material["tradeAdjustment"] } = {},
  ): this {
    this.rows.materials.push({
      item,
      stages,
      ...(o.economicImportance === undefined ? {} : { economicImportance: o.economicImportance }),
      ...(o.tradeAdjustment ? { tradeAdjustment: o.tradeAdjustment } : {}),
    });
    return this;
  }

  build(name = "tiny"): Dataset {
    const input: DatasetInput = {
      format: DATASET_FORMAT,
      version: DATASET_VERSION,
      name,
      horizon: { start: this.start, periods: this.periods },
      ...this.rows,
    };
    const r = validateDataset(structuredClone(input));
    if (!r.ok) throw new ParaatError("VALIDATION_FAILED", `fixture is invalid:\n${r.issues.map(formatIssue).join("\n")}`);
    return r.dataset;
  }
}

/** The countries most tests use: NL, DE, FR in the EU and NATO, US in NATO, CN and RU of concern, AE a partner. */
export function withCountries(b: TinyDataset = new TinyDataset()): TinyDataset {
  return b
    .country("NL", { eu: true, nato: true, wgi: 0.5 })
    .country("DE", { eu: true, nato: true, wgi: 0.8 })
    .country("FR", { eu: true, nato: true, wgi: 1.2 })
    .country("US", { nato: true, wgi: 1.5 })
    .country("CN", { concern: true, wgi: 6 })
    .country("RU", { concern: true, wgi: 7 })
    .country("AE", { wgi: 4 });
}

/**
 * A terse builder of small valid datasets for the risk and network tests (not exported from the
 * package index). Every call adds one row; build() validates and throws on any issue.
 */
import fc from "fast-check";
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

/*
 * Random layered supply networks for property tests: layers of items with BOM lines only downwards,
 * random sites, companies, countries and capacities.
 */

const CODES = ["NL", "DE", "FR", "US", "CN", "RU", "AE"] as const;

export interface Spec {
  sites: { country: number; company: number }[];
  layers: { value: number; children: { to: number; qty: number }[]; options: { site: number; cap: number; late: boolean }[] }[][];
  stock: number[];
  usage: number;
}

export const arbSpec: fc.Arbitrary<Spec> = fc.record({
  sites: fc.array(fc.record({ country: fc.nat(CODES.length - 1), company: fc.nat(3) }), { minLength: 1, maxLength: 6 }),
  layers: fc.array(
    fc.array(
      fc.record({
        value: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 100 })),
        children: fc.array(fc.record({ to: fc.nat(20), qty: fc.integer({ min: 1, max: 3 }) }), { maxLength: 3 }),
        options: fc.array(
          fc.record({ site: fc.nat(20), cap: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 10 })), late: fc.boolean() }),
          { maxLength: 3 },
        ),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    { minLength: 1, maxLength: 4 },
  ),
  stock: fc.array(fc.nat(50), { maxLength: 4 }),
  usage: fc.integer({ min: 0, max: 5 }),
});

export function build(spec: Spec, extra?: (b: TinyDataset) => void): Dataset {
  const b = withCountries(new TinyDataset("2025-01", 6));
  spec.sites.forEach((s, i) => b.site(`s${i}`, CODES[s.country]!, `co${s.company}-${CODES[s.country]!}`));
  const ids = spec.layers.map((layer, l) => layer.map((_, k) => `i${l}-${k}`));
  spec.layers.forEach((layer, l) =>
    layer.forEach((it, k) => {
      const id = ids[l]![k]!;
      b.item(id, it.value, l === 0 ? "end-item" : "component");
      const below = ids.slice(l + 1).flat();
      const children = new Set<string>();
      if (below.length > 0) for (const c of it.children) children.add(below[c.to % below.length]!);
      [...children].forEach((c, j) => b.bom(id, c, it.children[j]!.qty));
      const sites = new Set(it.options.map((o) => o.site % spec.sites.length));
      [...sites].forEach((s, j) => {
        const o = it.options[j]!;
        b.supply(
          id,
          `s${s}`,
          o.late
            ? [
                ["2025-01", 0],
                ["2025-04", o.cap],
              ]
            : o.cap,
        );
      });
    }),
  );
  const flat = ids.flat();
  spec.stock.slice(0, flat.length).forEach((q, k) => {
    if (q > 0) b.stock(flat[k]!, q);
  });
  b.consumer("army", "NL");
  if (spec.usage > 0) b.target("t", ids[0]![0]!, "army", 0, spec.usage);
  extra?.(b);
  return b.build();
}

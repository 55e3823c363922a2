/**
 * `arbDataset(options)`: random datasets that pass `validateDataset` — every reference resolves,
 * the BOM is acyclic, ownership is acyclic, shares sum to 1, demand and target months lie within
 * the horizon, keys are unique. Optional fields are sometimes absent; when they are present they
 * are never empty (an empty cell in a spreadsheet means "absent", so an empty optional string or
 * list could not round-trip).
 */
import fc from "fast-check";
import type { materialStages } from "../model/schema.js";
import {
  DATASET_FORMAT,
  DATASET_VERSION,
  POOL,
  clearances,
  contractKinds,
  industrialBases,
  itemKinds,
  type BomLine,
  type CapacityStep,
  type Company,
  type Consumer,
  type Contract,
  type Country,
  type Dataset,
  type Demand,
  type Item,
  type Material,
  type OwnerShare,
  type MaterialStage,
  type Site,
  type Source,
  type Stock,
  type Supply,
  type Target,
} from "../model/schema.js";
import { addMonths, type Horizon } from "../month.js";
import { arbAmount, arbCountryCode, arbFraction, arbMonthNear, arbShares, arbText, makeId } from "./arb-values.js";

export interface ArbDatasetOptions {
  /** Most rows in any one collection (default 6). Keep it small in property tests; use the generator for scale. */
  maxRows?: number;
  /** Fewest rows in each collection (default 0; there is always at least one country). */
  minRows?: number;
  /**
   * Awkward strings (default true): free text with commas, quotes, semicolons, '=', newlines, CR,
   * leading/trailing spaces, emoji and non-Latin script; ids carrying quotes, accents and emoji
   * (still valid ids). False gives plain words and ids like "it3".
   */
  awkwardStrings?: boolean;
  /**
   * Awkward numbers (default true): doubles with 17 significant digits, 5e-324, 1e21, 0.1 + 0.2.
   * False gives whole numbers and quarters, and shares in whole percentages — friendlier for solver tests.
   */
  awkwardNumbers?: boolean;
  /** How often optional fields (nsn, wgi, priority, value, provenance, ...) are present (default "sometimes"). */
  optionalFields?: "never" | "sometimes" | "always";
  /** Longest planning horizon in months (default 36). */
  maxPeriods?: number;
}

interface Resolved {
  maxRows: number;
  minRows: number;
  awkwardStrings: boolean;
  awkwardNumbers: boolean;
  optionalFields: "never" | "sometimes" | "always";
  maxPeriods: number;
}

function resolve(o: ArbDatasetOptions): Resolved {
  const maxRows = Math.max(1, o.maxRows ?? 6);
  return {
    maxRows,
    minRows: Math.min(maxRows, Math.max(0, o.minRows ?? 0)),
    awkwardStrings: o.awkwardStrings ?? true,
    awkwardNumbers: o.awkwardNumbers ?? true,
    optionalFields: o.optionalFields ?? "sometimes",
    maxPeriods: Math.max(1, o.maxPeriods ?? 36),
  };
}

/** Drops keys whose value is undefined, so absent optional fields are really absent. */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** Picks `count` random rows from `pool` without repeats, keeping pool order. */
const pickSome = <T>(pool: readonly T[], min: number, max: number): fc.Arbitrary<T[]> =>
  fc.subarray([...pool], { minLength: Math.min(min, pool.length), maxLength: Math.min(max, pool.length) });

const pickOne = <T>(pool: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...pool);

interface Base {
  horizon: Horizon;
  name: string;
  description: string | undefined;
  codes: string[];
  n: {
    sources: number;
    companies: number;
    sites: number;
    items: number;
    consumers: number;
    supply: number;
    demands: number;
    targets: number;
    contracts: number;
  };
}

export function arbDataset(options: ArbDatasetOptions = {}): fc.Arbitrary<Dataset> {
  const o = resolve(options);
  const count = fc.integer({ min: o.minRows, max: o.maxRows });
  const base: fc.Arbitrary<Base> = fc.record({
    horizon: fc.record({
      start: fc
        .tuple(fc.integer({ min: 2000, max: 2090 }), fc.integer({ min: 1, max: 12 }))
        .map(([y, m]) => `${y}-${String(m).padStart(2, "0")}`),
      periods: fc.integer({ min: 1, max: o.maxPeriods }),
    }),
    name: arbText(o.awkwardStrings),
    description: optional(o, arbText(o.awkwardStrings)),
    codes: fc.uniqueArray(arbCountryCode(), { minLength: Math.max(1, o.minRows), maxLength: o.maxRows }),
    n: fc.record({
      sources: count,
      companies: count,
      sites: count,
      items: count,
      consumers: count,
      supply: count,
      demands: count,
      targets: count,
      contracts: count,
    }),
  });
  return base.chain((b) => arbRows(o, b));
}

function optional<T>(o: Resolved, arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  if (o.optionalFields === "never") return fc.constant(undefined);
  if (o.optionalFields === "always") return arb;
  return fc.option(arb, { nil: undefined });
}

function arbRows(o: Resolved, b: Base): fc.Arbitrary<Dataset> {
  const text = arbText(o.awkwardStrings);
  const ids = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => makeId(prefix, i, o.awkwardStrings));
  const sourceIds = ids("src-", b.n.sources);
  const companyIds = ids("co-", b.n.companies);
  const siteIds = b.n.companies > 0 ? ids("site-", b.n.sites) : [];
  const itemIds = ids("it-", b.n.items);
  const consumerIds = ids("cons-", b.n.consumers);
  const { horizon, codes } = b;
  const amount = (opts?: { positive?: boolean; max?: number }): fc.Arbitrary<number> => arbAmount(o.awkwardNumbers, opts);
  const fraction = arbFraction(o.awkwardNumbers);
  const inHorizon = arbMonthNear(horizon.start, 0, horizon.periods - 1);

  // Provenance refers to the dataset's sources, with now and then a free-text reference.
  const sourceRefs: fc.Arbitrary<string[]> =
    sourceIds.length > 0
      ? fc
          .tuple(pickSome(sourceIds, 1, 3), o.awkwardStrings ? fc.option(text, { nil: undefined }) : fc.constant(undefined))
          .map(([refs, extra]) => (extra === undefined ? refs : [...refs, extra]))
      : o.awkwardStrings
        ? fc.array(text, { minLength: 1, maxLength: 2 })
        : fc.constant([]);
  const provenance = fc
    .record({ sources: optional(o, sourceRefs), illustrative: optional(o, fc.boolean()), note: optional(o, text) })
    .map((p) => compact({ ...p, sources: p.sources && p.sources.length > 0 ? p.sources : undefined }));
  const rows = <T>(n: number, row: (i: number) => fc.Arbitrary<T>): fc.Arbitrary<T[]> =>
    n === 0 ? fc.constant([]) : fc.tuple(...Array.from({ length: n }, (_, i) => row(i)));

  const sources = rows(b.n.sources, (i) =>
    fc
      .record({ title: text, url: optional(o, text), publisher: optional(o, text), date: optional(o, text), note: optional(o, text) })
      .map((r): Source => compact({ id: sourceIds[i]!, ...r })),
  );

  const countries = rows(codes.length, (i) =>
    fc
      .record({
        name: text,
        eu: fc.boolean(),
        nato: fc.boolean(),
        concern: fc.boolean(),
        wgi: optional(o, amount({ max: 10 })),
        p: provenance,
      })
      .map(({ p, ...r }): Country => compact({ code: codes[i]!, ...r, ...p })),
  );

  const companies = rows(b.n.companies, (i) => {
    // Owners are earlier companies or states, so ownership has no cycles.
    const ownerPool = [...companyIds.slice(0, i), ...codes];
    const owners = pickSome(ownerPool, 0, 3).chain((who) =>
      who.length === 0
        ? fc.constant<OwnerShare[]>([])
        : fc
            .tuple(
              fc.oneof(fc.constant(1), o.awkwardNumbers ? fc.double({ min: 0.01, max: 1, noNaN: true }) : fc.constantFrom(0.25, 0.5, 0.75)),
            )
            .chain(([total]) => arbShares(who.length, o.awkwardNumbers, total))
            .map((shares) => who.map((owner, k) => ({ owner, share: shares[k]! }))),
    );
    return fc
      .record({
        name: text,
        country: pickOne(codes),
        base: fc.subarray([...industrialBases]),
        owners,
        clearance: pickOne(clearances),
        p: provenance,
      })
      .map(({ p, ...r }): Company => compact({ id: companyIds[i]!, ...r, ...p }));
  });

  const sites = rows(siteIds.length, (i) =>
    fc
      .record({ company: pickOne(companyIds), country: pickOne(codes), name: text, p: provenance })
      .map(({ p, ...r }): Site => compact({ id: siteIds[i]!, ...r, ...p })),
  );

  const items = rows(b.n.items, (i) =>
    fc
      .record({ name: text, kind: pickOne(itemKinds), unit: text, unitValue: amount(), nsn: optional(o, text), p: provenance })
      .map(({ p, ...r }): Item => compact({ id: itemIds[i]!, ...r, ...p })),
  );

  // BOM lines go from an earlier item to a later one, so there are no cycles.
  const bom: fc.Arbitrary<BomLine[]> =
    itemIds.length < 2
      ? fc.constant([])
      : fc
          .uniqueArray(
            fc.tuple(fc.nat(itemIds.length - 1), fc.nat(itemIds.length - 1)).filter(([a, c]) => a !== c),
            { minLength: Math.min(o.minRows, 1), maxLength: o.maxRows, selector: ([a, c]) => `${Math.min(a, c)}:${Math.max(a, c)}` },
          )
          .chain((pairs) =>
            rows(pairs.length, (k) =>
              fc.record({ qty: amount({ positive: true }), p: provenance }).map(({ qty, p }): BomLine => {
                const [a, c] = pairs[k]!;
                return compact({ parent: itemIds[Math.min(a, c)]!, child: itemIds[Math.max(a, c)]!, qty, ...p });
              }),
            ),
          );

  const capacity: fc.Arbitrary<CapacityStep[]> = fc
    .uniqueArray(fc.integer({ min: -6, max: horizon.periods }), { maxLength: 4 })
    .chain((offsets) => {
      const months = [...offsets].sort((x, y) => x - y);
      return rows(months.length, (k) =>
        fc
          .record({
            perPeriod: fc.oneof(fc.constant(0), amount()),
            p: o.optionalFields === "never" ? fc.constant({}) : fc.option(provenance, { nil: {} }),
          })
          .map(({ perPeriod, p }): CapacityStep => compact({ from: addMonths(horizon.start, months[k]!), perPeriod, ...p })),
      );
    });

  const supply = rows(itemIds.length > 0 && siteIds.length > 0 ? b.n.supply : 0, (i) =>
    fc
      .record({
        item: pickOne(itemIds),
        site: pickOne(siteIds),
        leadTime: fc.integer({ min: 0, max: 12 }),
        unitCost: amount(),
        capacity,
        p: provenance,
      })
      .map(({ p, ...r }): Supply => compact({ id: makeId("sup-", i, o.awkwardStrings), ...r, ...p })),
  );

  const holders = [POOL, ...consumerIds];
  const stocks: fc.Arbitrary<Stock[]> =
    itemIds.length === 0
      ? fc.constant([])
      : fc
          .uniqueArray(fc.tuple(fc.nat(itemIds.length - 1), fc.nat(holders.length - 1)), {
            minLength: Math.min(o.minRows, 1),
            maxLength: o.maxRows,
            selector: ([a, h]) => `${a}:${h}`,
          })
          .chain((pairs) =>
            rows(pairs.length, (k) =>
              fc.record({ qty: amount(), p: provenance }).map(({ qty, p }): Stock => {
                const [a, h] = pairs[k]!;
                return compact({ item: itemIds[a]!, holder: holders[h]!, qty, ...p });
              }),
            ),
          );

  const consumers = rows(consumerIds.length, (i) =>
    fc
      .record({ name: text, country: pickOne(codes), priority: fc.integer({ min: 1, max: 5 }), p: provenance })
      .map(({ p, ...r }): Consumer => compact({ id: consumerIds[i]!, ...r, ...p })),
  );

  const canOrder = itemIds.length > 0 && consumerIds.length > 0;
  const demands = rows(canOrder ? b.n.demands : 0, (i) =>
    fc
      .record({
        item: pickOne(itemIds),
        consumer: pickOne(consumerIds),
        qty: amount({ positive: true }),
        due: inHorizon,
        priority: optional(o, fc.integer({ min: 1, max: 5 })),
        p: provenance,
      })
      .map(({ p, ...r }): Demand => compact({ id: makeId("dem-", i, o.awkwardStrings), ...r, ...p })),
  );

  const targets = rows(canOrder ? b.n.targets : 0, (i) =>
    fc
      .record({
        item: pickOne(itemIds),
        consumer: pickOne(consumerIds),
        level: amount(),
        by: inHorizon,
        usagePerPeriod: optional(o, amount()),
        p: provenance,
      })
      .map(({ p, ...r }): Target => compact({ id: makeId("tgt-", i, o.awkwardStrings), ...r, ...p })),
  );

  const contracts = rows(canOrder && companyIds.length > 0 ? b.n.contracts : 0, (i) =>
    fc
      .record({
        kind: pickOne(contractKinds),
        supplier: pickOne(companyIds),
        items: pickSome(itemIds, 1, 3),
        buyers: pickSome(consumerIds, 1, 3),
        span: fc.tuple(fc.integer({ min: -12, max: horizon.periods + 12 }), fc.integer({ min: 0, max: 60 })),
        value: optional(o, amount()),
        p: provenance,
      })
      .map(({ p, span: [from, length], ...r }): Contract =>
        compact({
          id: makeId("con-", i, o.awkwardStrings),
          kind: r.kind,
          supplier: r.supplier,
          items: r.items,
          buyers: r.buyers,
          start: addMonths(horizon.start, from),
          end: addMonths(horizon.start, from + length),
          value: r.value,
          ...p,
        }),
      ),
  );

  const countryShares = (min: number): fc.Arbitrary<Record<string, number>> =>
    pickSome(codes, min, 4).chain((who) =>
      arbShares(who.length, o.awkwardNumbers).map((s) => Object.fromEntries(who.map((c, k) => [c, s[k]!]))),
    );
  const stage = (name: (typeof materialStages)[number]): fc.Arbitrary<MaterialStage> =>
    fc
      .record({
        globalSupply: countryShares(1),
        euSourcing: countryShares(1),
        importReliance: fraction,
        eolRir: fraction,
        substitution: fraction,
        p: provenance,
      })
      .map(({ p, ...r }): MaterialStage => compact({ stage: name, ...r, ...p }));
  const materials: fc.Arbitrary<Material[]> = pickSome(itemIds, Math.min(o.minRows, 1), o.maxRows).chain((who) =>
    rows(who.length, (k) =>
      fc
        .record({
          stages: fc.constantFrom<(typeof materialStages)[number][]>(
            ["extraction"],
            ["processing"],
            ["extraction", "processing"],
            ["processing", "extraction"],
          ),
          tradeAdjustment: optional(
            o,
            pickSome(codes, 1, 3).chain((who2) =>
              fc
                .array(amount({ max: 10 }), { minLength: who2.length, maxLength: who2.length })
                .map((t) => Object.fromEntries(who2.map((c, j) => [c, t[j]!]))),
            ),
          ),
          economicImportance: optional(o, amount({ max: 100 })),
          p: provenance,
        })
        .chain(({ stages, p, ...r }) =>
          fc.tuple(...stages.map(stage)).map((st): Material => compact({ item: who[k]!, stages: st, ...r, ...p })),
        ),
    ),
  );

  return fc
    .record({ sources, countries, companies, sites, items, bom, supply, stocks, consumers, demands, targets, contracts, materials })
    .map(
      (c): Dataset =>
        compact({
          format: DATASET_FORMAT,
          version: DATASET_VERSION,
          name: b.name,
          description: b.description,
          horizon: { start: horizon.start, periods: horizon.periods },
          ...c,
        }) as Dataset,
    );
}

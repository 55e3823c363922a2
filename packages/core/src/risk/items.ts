/** The per-item records of the analysis: exposure, concentration, paths, requirement and stock cover. */
import type { SupplyNetwork } from "../network/network.js";
import { blocOf } from "./blocs.js";
import { concentration, type Concentration } from "./concentration.js";
import { UNSOURCED, type ExposureTable } from "./exposure.js";
import { PathWriter } from "./paths.js";
import { stockMonths, type Requirements } from "./requirement.js";
import type { ItemSources } from "./sources.js";
import { blocs, type Exposure, type ItemRisk } from "./types.js";

/** Bloc numbers of each code (indices into `blocs`), with one more for UNSOURCED. */
const UNSOURCED_BLOC = blocs.length;

function zero(): Exposure {
  return { byCountry: {}, byBloc: { eu: 0, nato: 0, partner: 0, concern: 0, other: 0, unsourced: 0 } };
}

function exposureOf(table: ExposureTable, codeBloc: Uint8Array, sums: Float64Array, item: number): Exposure {
  const { codes, rows, rowValue } = table;
  // Without a prototype: each item has its own set of countries, and building ten thousand such
  // records as ordinary objects spends most of the time creating hidden classes.
  const byCountry = Object.create(null) as Record<string, number>;
  // Sums by bloc number in scratch, so the bloc record is made once with its final values.
  sums.fill(0);
  for (let r = table.rowStart[item]!, end = r + table.rowLength[item]!; r < end; r++) {
    const v = rowValue[r]!;
    if (v <= 0) continue;
    const bloc = codeBloc[rows[r]!]!;
    sums[bloc]! += v;
    if (bloc !== UNSOURCED_BLOC) byCountry[codes[rows[r]!]!] = v;
  }
  return {
    byCountry,
    // Bloc numbers follow `blocs`: eu, nato, partner, concern, other.
    byBloc: { eu: sums[0]!, nato: sums[1]!, partner: sums[2]!, concern: sums[3]!, other: sums[4]!, unsourced: sums[UNSOURCED_BLOC]! },
  };
}

export function itemRisks(
  net: SupplyNetwork,
  sources: readonly ItemSources[],
  req: Requirements,
  table: ExposureTable | undefined,
  options: { concentration: boolean; texts: boolean },
): ItemRisk[] {
  const codeBloc = Uint8Array.from(table?.codes ?? [], (code) =>
    code === UNSOURCED ? UNSOURCED_BLOC : blocs.indexOf(blocOf(net.countries.get(code))),
  );
  const paths = table ? new PathWriter(net, table, options.texts) : undefined;
  const sums = new Float64Array(UNSOURCED_BLOC + 1);
  const unassessed: Concentration = {
    hhiCountry: null,
    hhiCompany: null,
    hhiCountryBand: null,
    hhiCompanyBand: null,
    singleSource: { option: false, company: false, country: false },
  };
  return net.items.map((it, i) => {
    const exposure = table ? exposureOf(table, codeBloc, sums, i) : zero();
    const c = options.concentration ? concentration(sources[i]!) : unassessed;
    // Written out rather than spread: one object shape for every item, built without copying.
    return {
      id: it.id,
      name: it.name,
      kind: it.kind,
      sourcing: sources[i]!.sourcing,
      exposure,
      autonomy: { eu: exposure.byBloc.eu, euNato: exposure.byBloc.eu + exposure.byBloc.nato },
      hhiCountry: c.hhiCountry,
      hhiCompany: c.hhiCompany,
      hhiCountryBand: c.hhiCountryBand,
      hhiCompanyBand: c.hhiCompanyBand,
      singleSource: c.singleSource,
      options: sources[i]!.options.length,
      paths: paths ? paths.pathsOf(i) : [],
      monthlyRequirement: req.monthly[i]!,
      poolStock: req.pool[i]!,
      stockMonths: stockMonths(req, i),
    };
  });
}

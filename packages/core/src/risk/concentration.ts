/**
 * Concentration of an item's direct sources (docs/risk.md, "Concentration"): HHI by country and by
 * company on the 0–10,000 scale, the bands, and the single-source flags.
 */
import { hhi, hhiBand } from "./blocs.js";
import type { ItemSources } from "./sources.js";
import type { HhiBand, SingleSource } from "./types.js";

export interface Concentration {
  hhiCountry: number | null;
  hhiCompany: number | null;
  hhiCountryBand: HhiBand | null;
  hhiCompanyBand: HhiBand | null;
  singleSource: SingleSource;
}

export function concentration(sources: ItemSources): Concentration {
  const hhiCountry = sources.sourcing === "none" ? null : hhi(sources.byCountry.values());
  const hhiCompany = sources.hhiCompany;
  const supplied = sources.sourcing === "supply";
  return {
    hhiCountry,
    hhiCompany,
    hhiCountryBand: hhiCountry === null ? null : hhiBand(hhiCountry),
    hhiCompanyBand: hhiCompany === null ? null : hhiBand(hhiCompany),
    singleSource: {
      option: supplied && sources.options.length === 1,
      company: supplied && sources.companies === 1,
      country: supplied && sources.byCountry.size === 1,
    },
  };
}

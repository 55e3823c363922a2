/**
 * Countries for synthetic datasets: real ones first (EU/NATO membership as of 2025; WGI from
 * shared/reference/countries.csv rescaled to 0 best … 10 worst), then codes from the ISO user-assigned
 * ranges (XA–XZ, QM–QZ, AA, ZZ) when more are asked for than the table holds.
 */
import type { Country } from "../model/schema.js";
import type { Rng } from "./random.js";

export type Tier = "allied" | "partner" | "concern";

type Row = readonly [code: string, name: string, eu: 0 | 1, nato: 0 | 1, wgi: number];

const ALLIED: readonly Row[] = [
  ["NL", "Netherlands", 1, 1, 1.96],
  ["AT", "Austria", 1, 0, 2.41],
  ["BE", "Belgium", 1, 1, 2.6],
  ["BG", "Bulgaria", 1, 1, 4.89],
  ["HR", "Croatia", 1, 1, 4.06],
  ["CY", "Cyprus", 1, 0, 3.75],
  ["CZ", "Czechia", 1, 1, 2.97],
  ["DK", "Denmark", 1, 1, 1.47],
  ["EE", "Estonia", 1, 1, 2.4],
  ["FI", "Finland", 1, 1, 1.59],
  ["FR", "France", 1, 1, 2.92],
  ["DE", "Germany", 1, 1, 2.27],
  ["GR", "Greece", 1, 1, 4.24],
  ["HU", "Hungary", 1, 1, 4.23],
  ["IE", "Ireland", 1, 0, 2.09],
  ["IT", "Italy", 1, 1, 3.91],
  ["LV", "Latvia", 1, 1, 3.37],
  ["LT", "Lithuania", 1, 1, 3.06],
  ["LU", "Luxembourg", 1, 1, 1.71],
  ["MT", "Malta", 1, 0, 3.5],
  ["PL", "Poland", 1, 1, 4.0],
  ["PT", "Portugal", 1, 1, 3.09],
  ["RO", "Romania", 1, 1, 4.39],
  ["SK", "Slovakia", 1, 1, 3.87],
  ["SI", "Slovenia", 1, 1, 3.27],
  ["ES", "Spain", 1, 1, 3.51],
  ["SE", "Sweden", 1, 1, 1.86],
  ["AL", "Albania", 0, 1, 5.03],
  ["CA", "Canada", 0, 1, 2.11],
  ["IS", "Iceland", 0, 1, 2.06],
  ["ME", "Montenegro", 0, 1, 4.84],
  ["MK", "North Macedonia", 0, 1, 4.92],
  ["NO", "Norway", 0, 1, 1.69],
  ["TR", "Türkiye", 0, 1, 6.11],
  ["GB", "United Kingdom", 0, 1, 2.47],
  ["US", "United States", 0, 1, 3.01],
];

const PARTNERS: readonly Row[] = [
  ["UA", "Ukraine", 0, 0, 6.47],
  ["KR", "South Korea", 0, 0, 3.05],
  ["JP", "Japan", 0, 0, 2.25],
  ["BR", "Brazil", 0, 0, 5.58],
  ["AU", "Australia", 0, 0, 2.02],
  ["IN", "India", 0, 0, 5.13],
  ["ZA", "South Africa", 0, 0, 5.21],
  ["CL", "Chile", 0, 0, 3.57],
  ["CD", "DR Congo", 0, 0, 8.2],
  ["TJ", "Tajikistan", 0, 0, 7.34],
  ["KZ", "Kazakhstan", 0, 0, 5.65],
  ["CH", "Switzerland", 0, 0, 1.6],
  ["IL", "Israel", 0, 0, 3.81],
];

// CN and RU from the reference table; BY, IR and KP are not in it: illustrative values.
const CONCERN: readonly Row[] = [
  ["CN", "China", 0, 0, 5.67],
  ["RU", "Russia", 0, 0, 7.06],
  ["BY", "Belarus", 0, 0, 7.2],
  ["IR", "Iran", 0, 0, 7.6],
  ["KP", "North Korea", 0, 0, 9.0],
];

const USER_ASSIGNED: readonly string[] = [
  ...Array.from({ length: 26 }, (_, i) => `X${String.fromCharCode(65 + i)}`),
  ...Array.from({ length: 14 }, (_, i) => `Q${String.fromCharCode(77 + i)}`),
  "AA",
  "ZZ",
];

/** The most countries a synthetic dataset can have. */
export const MAX_COUNTRIES = ALLIED.length + PARTNERS.length + CONCERN.length + USER_ASSIGNED.length;

export function tierOf(c: Pick<Country, "eu" | "nato" | "concern">): Tier {
  if (c.concern) return "concern";
  return c.eu || c.nato ? "allied" : "partner";
}

function fromRow([code, name, eu, nato, wgi]: Row, concern: boolean): Country {
  return { code, name, eu: eu === 1, nato: nato === 1, concern, wgi };
}

/**
 * `count` countries: about 70% EU/NATO, 20% partners, 10% of concern. The Netherlands come first (home
 * of the own forces), then Ukraine among the partners and China among the countries of concern.
 */
export function selectCountries(count: number, rng: Rng): Country[] {
  const concernCount = count >= 3 ? Math.max(1, Math.round(count * 0.1)) : 0;
  const partnerCount = count >= 2 ? Math.max(1, Math.round(count * 0.2)) : 0;
  const alliedCount = count - concernCount - partnerCount;
  const spare = [...USER_ASSIGNED];
  const take = (rows: readonly Row[], n: number, tier: Tier): Country[] => {
    const [first, ...rest] = rows;
    const order = first === undefined ? [] : [first, ...rng.shuffle([...rest])];
    const out = order.slice(0, n).map((r) => fromRow(r, tier === "concern"));
    while (out.length < n) {
      const code = spare.shift();
      if (code === undefined) throw new RangeError(`more than ${MAX_COUNTRIES} countries`);
      const wgi = tier === "allied" ? rng.float(1.5, 5) : tier === "partner" ? rng.float(3, 7) : rng.float(6, 9);
      out.push({
        code,
        name: `Synthetic country ${code}`,
        eu: tier === "allied" && rng.chance(0.6),
        nato: tier === "allied",
        concern: tier === "concern",
        wgi: Math.round(wgi * 100) / 100,
      });
    }
    return out;
  };
  return [...take(ALLIED, alliedCount, "allied"), ...take(PARTNERS, partnerCount, "partner"), ...take(CONCERN, concernCount, "concern")];
}

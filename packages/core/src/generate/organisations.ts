/** Companies (with ownership chains, state and foreign owners) and their production sites. */
import type { Company, Country, OwnerShare, Site } from "../model/schema.js";
import { tierOf, type Tier } from "./countries.js";
import { type Rng, ZipfPicker } from "./random.js";

const SYLLABLES = "ar bel cor dan el fen gar hol ix jor kel lun mar nor ost per ran sal tor ven wal zen".split(" ");
const SUFFIXES = ["Defence", "Munitions", "Systems", "Metals", "Chemicals", "Industries", "Dynamics", "Energetics", "Precision", "Mining"];

function companyName(rng: Rng): string {
  const n = rng.int(2, 3);
  let s = "";
  for (let i = 0; i < n; i++) s += rng.pick(SYLLABLES);
  return `${s.charAt(0).toUpperCase()}${s.slice(1)} ${rng.pick(SUFFIXES)}`;
}

export interface Organisations {
  companies: Company[];
  sites: Site[];
}

/** Splits `n` over the tiers present in proportion to the weights, at least one per tier when n allows. */
function tierQuota(n: number, present: Tier[], weights: Record<Tier, number>): Tier[] {
  const out: Tier[] = [];
  const minor = present.filter((t) => t !== "allied");
  for (const t of minor) {
    const k = Math.min(n - out.length, Math.max(n >= 5 ? 1 : 0, Math.round(n * weights[t])));
    for (let i = 0; i < k; i++) out.push(t);
  }
  const rest: Tier = present.includes("allied") ? "allied" : (present[0] ?? "allied");
  while (out.length < n) out.push(rest);
  return out;
}

export function generateOrganisations(countries: Country[], siteCount: number, rng: Rng): Organisations {
  const byTier: Record<Tier, Country[]> = { allied: [], partner: [], concern: [] };
  for (const c of countries) byTier[tierOf(c)].push(c);
  const present = (["allied", "partner", "concern"] as const).filter((t) => byTier[t].length > 0);
  const home = countries[0]!;

  const companyCount = Math.max(1, Math.min(siteCount, Math.round(siteCount * 0.7)));
  const tiers = rng.shuffle(tierQuota(companyCount, present, { allied: 0.7, partner: 0.18, concern: 0.12 }));
  const companies: Company[] = [];
  const concernCodes = new Set(byTier.concern.map((c) => c.code));
  const concernCompanies: Company[] = [];
  const width = String(companyCount).length;
  for (let i = 0; i < companyCount; i++) {
    const tier = tiers[i]!;
    const pool = byTier[tier];
    // The home country holds a fifth of the allied companies: the national industrial base.
    const country = tier === "allied" && rng.chance(0.2) ? home : rng.pick(pool);
    const owners = ownersFor(i, tier, country, { earlier: companies, concernCompanies, concernCountries: byTier.concern }, rng);
    const foreignConcern = owners.some((o) => concernCodes.has(o.owner) || concernCompanies.some((c) => c.id === o.owner));
    const company: Company = {
      id: `co-${String(i + 1).padStart(width, "0")}`,
      name: companyName(rng),
      country: country.code,
      base: country.code === "NL" ? ["NLDTIB", "EDTIB"] : country.eu ? ["EDTIB"] : [],
      owners,
      clearance: clearanceFor(tier, foreignConcern, rng),
    };
    companies.push(company);
    if (tier === "concern") concernCompanies.push(company);
  }

  // One site per company, then extra sites for the bigger companies (power-law), some abroad.
  const sites: Site[] = [];
  const siteWidth = String(siteCount).length;
  const big = new ZipfPicker(companyCount, 1, rng);
  const companyCountry = new Map(countries.map((c) => [c.code, c]));
  for (let i = 0; i < siteCount; i++) {
    const company = i < companyCount ? companies[i]! : companies[big.draw(rng)]!;
    const own = companyCountry.get(company.country)!;
    const abroad = i >= companyCount && tierOf(own) !== "concern" && byTier.allied.length > 0 && rng.chance(0.25);
    const country = abroad ? rng.pick(byTier.allied).code : company.country;
    sites.push({
      id: `site-${String(i + 1).padStart(siteWidth, "0")}`,
      company: company.id,
      country,
      name: `${company.name} ${country} plant ${i + 1}`,
    });
  }
  return { companies, sites };
}

interface OwnerPool {
  earlier: Company[];
  concernCompanies: Company[];
  concernCountries: Country[];
}

/** Owners with shares in whole percent so that they never add up to more than 100%. */
function ownersFor(index: number, tier: Tier, country: Country, pool: OwnerPool, rng: Rng): OwnerShare[] {
  const { earlier, concernCompanies, concernCountries } = pool;
  const owners: OwnerShare[] = [];
  let left = 100;
  const add = (owner: string, min: number, max: number): void => {
    const pct = Math.min(left, rng.int(min, max));
    if (pct <= 0 || owners.some((o) => o.owner === owner)) return;
    owners.push({ owner, share: pct / 100 });
    left -= pct;
  };
  if (tier === "concern") {
    if (rng.chance(0.6)) add(country.code, 51, 100);
  } else if (index > 0 && rng.chance(0.25)) {
    // A parent company, earlier in the list: subsidiaries of subsidiaries make ownership chains.
    add(rng.pick(earlier).id, 51, 100);
  } else if (rng.chance(0.1)) {
    add(country.code, 10, 100);
  }
  // A foreign stake from a country of concern, directly by its state or through one of its companies.
  if (tier !== "concern" && concernCountries.length > 0 && rng.chance(0.08)) {
    const owner = concernCompanies.length > 0 && rng.chance(0.5) ? rng.pick(concernCompanies).id : rng.pick(concernCountries).code;
    add(owner, 5, 30);
  }
  if (index > 0 && rng.chance(0.1)) add(rng.pick(earlier).id, 10, 49);
  return owners;
}

function clearanceFor(tier: Tier, foreignConcern: boolean, rng: Rng): Company["clearance"] {
  if (tier === "concern") return rng.chance(0.7) ? "refused" : "none";
  if (foreignConcern) return rng.chance(0.5) ? "pending" : "refused";
  if (tier === "partner") return rng.chance(0.4) ? "granted" : "none";
  const r = rng.next();
  return r < 0.75 ? "granted" : r < 0.9 ? "pending" : "none";
}

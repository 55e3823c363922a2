/** Which bloc a country belongs to, and the HHI bands. */
import type { Country } from "../model/schema.js";
import type { Bloc, HhiBand } from "./types.js";

/**
 * A country's bloc: "concern" when flagged so (this wins: the flag is an explicit judgement), else
 * "eu", else "nato" (NATO but not EU), else "partner" (any other country in the dataset); a code the
 * dataset does not list is "other", and so is ZZ, the ISO code for an unknown or unspecified country
 * (datasets use it for "other countries" and undisclosed origins).
 */
export const UNKNOWN_COUNTRY = "ZZ";

export function blocOf(country: Country | undefined): Bloc {
  if (!country || country.code === UNKNOWN_COUNTRY) return "other";
  if (country.concern) return "concern";
  if (country.eu) return "eu";
  if (country.nato) return "nato";
  return "partner";
}

/** Bands of the US/EU merger guidelines: < 1,500 unconcentrated, 1,500–2,500 moderate, > 2,500 high. */
export function hhiBand(hhi: number): HhiBand {
  if (hhi < 1500) return "unconcentrated";
  if (hhi <= 2500) return "moderate";
  return "high";
}

/** HHI on the 0–10,000 scale from shares given as fractions (they need not be normalised). */
export function hhi(shares: Iterable<number>): number {
  let total = 0;
  let sum = 0;
  for (const s of shares) {
    total += s;
    sum += s * s;
  }
  return total > 0 ? (10_000 * sum) / (total * total) : 0;
}

/**
 * The one set of wording helpers for explanations and findings: names of items and hosts,
 * quantities, shares, months and lists. Deterministic (no locale), and fast enough to be called
 * for every finding of a large network.
 */
import type { SupplyNetwork } from "./network/network.js";
import type { HostKind } from "./network/types.js";

export function itemName(net: Pick<SupplyNetwork, "items">, item: number): string {
  return net.items[item]!.name;
}

/** A name without its trailing remark in parentheses, for sentences: "Nitrocellulose (military grade)" → "Nitrocellulose". */
export function shortName(name: string): string {
  const m = /^(.{3,}?)\s*\([^()]*\)$/.exec(name);
  return m ? m[1]! : name;
}

export function hostLabel(net: SupplyNetwork, kind: HostKind, id: string): string {
  switch (kind) {
    case "site": {
      const site = net.sites.get(id);
      if (!site) return `site ${id}`;
      return `site ${site.name} (${net.companies.get(site.company)?.name ?? site.company}, ${site.country})`;
    }
    case "company": {
      const company = net.companies.get(id);
      return company ? `company ${company.name} (${company.country})` : `company ${id}`;
    }
    case "country":
      return `country ${net.countries.get(id)?.name ?? id} (${id})`;
  }
}

// The texts of pct for whole percentages (10% … 100%) and tenths (0.1% … 10%), written once: a large
// network formats hundreds of thousands of shares, and number-to-string conversion is slow.
const wholePct = Array.from({ length: 101 }, (_, r) => `${r}%`);
const tenthPct = Array.from({ length: 101 }, (_, r) => `${r / 10}%`);

/** A share (0…1) as a percentage: whole from 10%, else to a tenth; "<0.1%" for a sliver. */
export function pct(share: number): string {
  const p = share * 100;
  if (p === 0) return "0%";
  if (p < 0.1) return "<0.1%";
  if (p >= 10) {
    const r = Math.round(p);
    return r <= 100 ? wholePct[r]! : `${r}%`;
  }
  return tenthPct[Math.round(p * 10)] ?? `${Math.round(p * 10) / 10}%`; // (NaN)
}

export function months(m: number): string {
  return `${m >= 10 ? Math.round(m) : Math.round(m * 10) / 10} month${m === 1 ? "" : "s"}`;
}

/** A quantity: whole numbers with thousands separators from 100 up ("22,000", "-1,250"), else two decimals at most. */
export function formatQty(q: number): string {
  const abs = Math.abs(q);
  if (abs < 100) return String(Math.round(q * 100) / 100);
  // By hand: toLocaleString goes through ICU and is slow when called for thousands of findings.
  const digits = String(Math.round(abs));
  let out = "";
  for (let i = 0; i < digits.length; i++) out += (i > 0 && (digits.length - i) % 3 === 0 ? "," : "") + digits[i]!;
  return q < 0 ? `-${out}` : out;
}

/** "a, b and c" or "a, b, c and 4 more"; `total` when `names` holds only the first few of them. */
export function list(names: string[], max = 3, total = names.length): string {
  if (total > names.length && names.length >= max) return `${names.slice(0, max).join(", ")} and ${total - max} more`;
  if (names.length <= max) return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]!}`;
  return `${names.slice(0, max).join(", ")} and ${names.length - max} more`;
}

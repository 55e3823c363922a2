/**
 * Ultimate ownership and foreign influence (docs/risk.md, "Ownership"). With A the company-by-company
 * share matrix, the ultimate holdings U solve U = T + A·U, where T holds each company's state owners
 * and its residual (the part no listed owner holds, which the company itself stands for). The least
 * solution is the sum over all ownership paths of the products of shares. Companies are taken in
 * strongly connected components, owners first: a component without a cycle is exact in one step; a
 * cycle is iterated until nothing changes by more than 1e-12. What stays inside a cycle (A owns all
 * of B and B all of A) reaches no terminal holder and is reported as `circular`.
 */
import type { Company, Country } from "../model/schema.js";
import { blocOf } from "./blocs.js";
import type { CompanyRisk, OwnershipFlag, UltimateOwner } from "./types.js";

type Holdings = Map<string, number>;

const TOLERANCE = 1e-12;
const MAX_SWEEPS = 100_000;

function stateKey(code: string): string {
  return `state:${code}`;
}

function companyKey(id: string): string {
  return `company:${id}`;
}

/** Tarjan's strongly connected components of company → owning company; emitted owners first. */
function components(companies: readonly Company[], byId: ReadonlyMap<string, Company>): Company[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: Company[][] = [];
  let counter = 0;
  // Iterative, so a long ownership chain cannot overflow the call stack.
  for (const root of companies) {
    if (index.has(root.id)) continue;
    const work: { id: string; next: number }[] = [{ id: root.id, next: 0 }];
    index.set(root.id, counter);
    low.set(root.id, counter++);
    stack.push(root.id);
    onStack.add(root.id);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const owners = byId.get(frame.id)!.owners.filter((o) => byId.has(o.owner));
      if (frame.next < owners.length) {
        const w = owners[frame.next++]!.owner;
        if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter++);
          stack.push(w);
          onStack.add(w);
          work.push({ id: w, next: 0 });
        } else if (onStack.has(w)) low.set(frame.id, Math.min(low.get(frame.id)!, index.get(w)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) === index.get(frame.id)) {
        const scc: Company[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          scc.push(byId.get(w)!);
        } while (w !== frame.id);
        out.push(scc);
      }
    }
  }
  return out;
}

/** One Gauss–Seidel update of a company's holdings from its owners' current holdings. */
function holdingsOf(company: Company, byId: ReadonlyMap<string, Company>, known: ReadonlyMap<string, Holdings>): Holdings {
  const h: Holdings = new Map();
  const add = (key: string, v: number): void => {
    if (v > 0) h.set(key, (h.get(key) ?? 0) + v);
  };
  let listed = 0;
  for (const o of company.owners) {
    listed += o.share;
    if (byId.has(o.owner)) for (const [key, v] of known.get(o.owner) ?? []) add(key, o.share * v);
    else add(stateKey(o.owner), o.share);
  }
  add(companyKey(company.id), Math.max(0, 1 - listed));
  return h;
}

function maxChange(a: Holdings, b: Holdings | undefined): number {
  let d = 0;
  for (const [k, v] of a) d = Math.max(d, Math.abs(v - (b?.get(k) ?? 0)));
  if (b) for (const [k, v] of b) if (!a.has(k)) d = Math.max(d, Math.abs(v));
  return d;
}

/** Ultimate holdings of every company: key "state:CC" or "company:id" → share. */
export function ultimateHoldings(companies: readonly Company[]): Map<string, Holdings> {
  const byId = new Map(companies.map((c) => [c.id, c]));
  const known = new Map<string, Holdings>();
  for (const scc of components(companies, byId)) {
    const cyclic = scc.length > 1 || scc[0]!.owners.some((o) => o.owner === scc[0]!.id);
    if (!cyclic) {
      known.set(scc[0]!.id, holdingsOf(scc[0]!, byId, known));
      continue;
    }
    for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      let change = 0;
      for (const c of scc) {
        const h = holdingsOf(c, byId, known);
        change = Math.max(change, maxChange(h, known.get(c.id)));
        known.set(c.id, h);
      }
      if (change <= TOLERANCE) break;
    }
  }
  return known;
}

export function companyOwnership(
  companies: readonly Company[],
  countries: ReadonlyMap<string, Country>,
  thresholds: readonly number[],
): CompanyRisk[] {
  const holdings = ultimateHoldings(companies);
  const byId = new Map(companies.map((c) => [c.id, c]));
  const lowest = thresholds[0]!;
  const reached = (share: number): number => thresholds.filter((t) => share + 1e-12 >= t).at(-1)!;
  return companies.map((company) => {
    const ultimateOwners: UltimateOwner[] = [];
    let total = 0;
    for (const [key, share] of holdings.get(company.id) ?? []) {
      if (share <= TOLERANCE) continue;
      total += share;
      const isState = key.startsWith("state:");
      const owner = key.slice(key.indexOf(":") + 1);
      const country = isState ? owner : (byId.get(owner)?.country ?? "");
      ultimateOwners.push({ owner, kind: isState ? "state" : "company", country, bloc: blocOf(countries.get(country)), share });
    }
    ultimateOwners.sort((a, b) => b.share - a.share || a.owner.localeCompare(b.owner));
    const byCountry: Record<string, number> = {};
    for (const u of ultimateOwners) byCountry[u.country] = (byCountry[u.country] ?? 0) + u.share;
    const stateOwners = ultimateOwners.filter((u) => u.kind === "state").map((u) => ({ country: u.country, share: u.share }));
    const flags: OwnershipFlag[] = [];
    for (const [country, share] of Object.entries(byCountry))
      if (blocOf(countries.get(country)) === "concern" && share + 1e-12 >= lowest)
        flags.push({ kind: "concern", country, share, threshold: reached(share) });
    for (const s of stateOwners) {
      const bloc = blocOf(countries.get(s.country));
      if ((bloc === "partner" || bloc === "other") && s.share + 1e-12 >= lowest)
        flags.push({ kind: "foreign-state", country: s.country, share: s.share, threshold: reached(s.share) });
    }
    flags.sort((a, b) => b.share - a.share);
    return {
      id: company.id,
      name: company.name,
      country: company.country,
      ultimateOwners,
      stateOwners,
      byCountry,
      circular: Math.max(0, 1 - total),
      flags,
    };
  });
}

/**
 * Contracts between consumers and suppliers: a framework contract behind every expiring capacity of an
 * end item or component (it ends the month before the capacity drops to 0), and further framework,
 * joint-order and single contracts for the upper layers of the network.
 */
import type { Consumer, Contract, Item, Site, Supply } from "../model/schema.js";
import { addMonths } from "../month.js";
import type { Rng } from "./random.js";

export function generateContracts(
  supply: Supply[],
  expiring: { supply: Supply; period: number }[],
  items: Item[],
  sites: Site[],
  consumers: Consumer[],
  requirement: Float64Array,
  start: string,
  periods: number,
  rng: Rng,
): Contract[] {
  const companyOfSite = new Map(sites.map((s) => [s.id, s.company]));
  const itemIndex = new Map(items.map((it, i) => [it.id, i]));
  const upper = (id: string): boolean => {
    const kind = items[itemIndex.get(id)!]!.kind;
    return kind === "end-item" || kind === "component";
  };
  // Items each company supplies, so a contract can cover several of them.
  const itemsOfCompany = new Map<string, Set<string>>();
  for (const s of supply) {
    if (!upper(s.item)) continue;
    const company = companyOfSite.get(s.site)!;
    const set = itemsOfCompany.get(company) ?? new Set<string>();
    set.add(s.item);
    itemsOfCompany.set(company, set);
  }
  const companyItems = new Map([...itemsOfCompany].map(([company, set]) => [company, [...set]]));
  const valueOf = (ids: string[], months: number): number => {
    let v = 0;
    for (const id of ids) {
      const i = itemIndex.get(id)!;
      v += requirement[i]! * months * items[i]!.unitValue * rng.float(0.2, 0.6);
    }
    return Math.round(v);
  };
  const buyersFor = (n: number): string[] => rng.shuffle(consumers.map((c) => c.id)).slice(0, Math.max(1, Math.min(n, consumers.length)));

  const contracts: Contract[] = [];
  const push = (c: Omit<Contract, "id">): void => {
    contracts.push({ id: `k-${contracts.length + 1}`, ...c });
  };
  for (const { supply: s, period } of expiring) {
    if (!upper(s.item) || period < 1) continue;
    push({
      kind: "framework",
      supplier: companyOfSite.get(s.site)!,
      items: [s.item],
      buyers: buyersFor(rng.int(1, 2)),
      start,
      end: addMonths(start, period - 1),
      value: valueOf([s.item], period),
    });
  }

  const candidates = supply.filter((s) => upper(s.item));
  const extra = Math.round(candidates.length * 0.1);
  for (let n = 0; n < extra; n++) {
    const s = rng.pick(candidates);
    const supplier = companyOfSite.get(s.site)!;
    // Up to two more items of the same supplier (a hub supplies thousands: draw, do not shuffle them all).
    const offered = companyItems.get(supplier) ?? [];
    const itemIds = [s.item];
    for (let k = rng.int(0, 2); k > 0; k--) {
      const id = rng.pick(offered);
      if (!itemIds.includes(id)) itemIds.push(id);
    }
    const r = rng.next();
    const kind: Contract["kind"] = r < 0.5 ? "framework" : r < 0.75 ? "joint-order" : "single";
    const [minLength, maxLength] = kind === "framework" ? [24, 72] : kind === "joint-order" ? [12, 48] : [3, 18];
    const begin = rng.int(0, Math.min(12, periods - 1));
    const length = rng.int(minLength, maxLength);
    push({
      kind,
      supplier,
      items: itemIds,
      buyers: buyersFor(kind === "joint-order" ? rng.int(2, 4) : 1),
      start: addMonths(start, begin),
      end: addMonths(start, begin + length - 1),
      value: valueOf(itemIds, length),
    });
  }
  return contracts;
}

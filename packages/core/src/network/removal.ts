/** Taking a site, company or country out of the network: what scenario and impact analyses start from. */
import type { Dataset } from "../model/schema.js";
import type { HostKind, SupplyOption } from "./types.js";

/** Whether the loss of host `id` of this kind takes the option away. */
export function hostedBy(option: Pick<SupplyOption, "site" | "company" | "country">, kind: HostKind, id: string): boolean {
  switch (kind) {
    case "site":
      return option.site === id;
    case "company":
      return option.company === id;
    case "country":
      return option.country === id;
  }
}

/**
 * A copy of the dataset without the supply options hosted by the node (the sites, companies and
 * countries themselves stay, so every reference remains valid). Returns the removed supply ids too.
 */
export function withoutHost(dataset: Dataset, kind: HostKind, id: string): { dataset: Dataset; removed: string[] } {
  const sites = new Map(dataset.sites.map((s) => [s.id, s]));
  const removed: string[] = [];
  const supply = dataset.supply.filter((s) => {
    const site = sites.get(s.site);
    const gone = site !== undefined && hostedBy({ site: site.id, company: site.company, country: site.country }, kind, id);
    if (gone) removed.push(s.id);
    return !gone;
  });
  return { dataset: { ...dataset, supply }, removed };
}

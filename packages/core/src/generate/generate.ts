/**
 * The synthetic dataset generator: a pure function of its options. Each stage draws from its own
 * seeded stream, so the same options give the same dataset on every machine.
 */
import type { Dataset } from "../model/schema.js";
import { DATASET_FORMAT, DATASET_VERSION } from "../model/schema.js";
import { generateContracts } from "./contracts.js";
import { selectCountries } from "./countries.js";
import { generateDemand } from "./demand.js";
import { generateItems } from "./items.js";
import { generateMaterials } from "./materials.js";
import { type GenerateOptions, resolveOptions } from "./options.js";
import { generateOrganisations } from "./organisations.js";
import { Rng } from "./random.js";
import { generateSupply } from "./supply.js";

export function generateDataset(options: GenerateOptions): Dataset {
  const o = resolveOptions(options);
  const rng = (stream: string): Rng => new Rng(o.seed, stream);

  const countries = selectCountries(o.countries, rng("countries"));
  const { companies, sites } = generateOrganisations(countries, o.sites, rng("organisations"));
  const network = generateItems(o.endItems, o.depth, rng("items"));
  const rawLayer = network.layers[network.layers.length - 1]!;
  const { materials, origins } = generateMaterials(
    rawLayer.map((i) => network.items[i]!.id),
    countries,
    new Set(sites.map((s) => s.country)),
    rng("materials"),
  );
  const endItems = network.layers[0]!.map((i) => network.items[i]!);
  const demand = generateDemand(endItems, countries, o.start, o.periods, rng("demand"));
  const supply = generateSupply(network, demand.requirement, origins, sites, countries, o.start, o.periods, rng("supply"));
  const contracts = generateContracts(
    supply.supply,
    supply.expiring,
    network.items,
    sites,
    demand.consumers,
    supply.requirement,
    o.start,
    o.periods,
    rng("contracts"),
  );

  return {
    format: DATASET_FORMAT,
    version: DATASET_VERSION,
    name: o.name,
    description:
      `Synthetic dataset (seed ${String(o.seed)}; ${o.endItems} end items, ${o.depth} BOM tiers below them, ${o.sites} sites, ${o.countries} countries, ` +
      `${o.periods} periods). Companies, sites, quantities, capacities and risk inputs are generated; all figures are illustrative.`,
    horizon: { start: o.start, periods: o.periods },
    sources: [],
    countries,
    companies,
    sites,
    items: network.items,
    bom: network.bom,
    supply: supply.supply,
    stocks: [...supply.poolStocks, ...demand.holdings],
    consumers: demand.consumers,
    demands: demand.demands,
    targets: demand.targets,
    contracts,
    materials,
  };
}

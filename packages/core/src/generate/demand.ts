/**
 * Consumers (own forces first, then Ukraine and allies), their deliveries due within the horizon, stock
 * norms with usage, and the stock they hold today. Also the average monthly requirement each end item
 * puts on the network, from which capacities are sized.
 */
import type { Consumer, Country, Demand, Item, Stock, Target } from "../model/schema.js";
import { addMonths } from "../month.js";
import type { Rng } from "./random.js";

export interface DemandSide {
  consumers: Consumer[];
  demands: Demand[];
  targets: Target[];
  /** Stock held by consumers today (pool stock is added with supply). */
  holdings: Stock[];
  /**
   * Units per period each end item must supply to meet its deliveries and norms in time (after the first
   * year, which stock has to bridge), aligned with `endItems`.
   */
  requirement: number[];
}

const MAX_CONSUMERS = 8;

function selectConsumers(countries: Country[], endItems: number, rng: Rng): Consumer[] {
  const home = countries[0]!;
  const ukraine = countries.find((c) => c.code === "UA");
  const allies = rng.shuffle(countries.filter((c) => c !== home && (c.eu || c.nato)));
  const wanted = Math.min(MAX_CONSUMERS, 3 + Math.floor(endItems / 200));
  const chosen: [Country, number][] = [[home, 1]];
  if (ukraine) chosen.push([ukraine, 2]);
  for (const ally of allies) {
    if (chosen.length >= wanted) break;
    chosen.push([ally, 3]);
  }
  return chosen.map(([c, priority]) => ({
    id: `forces-${c.code.toLowerCase()}`,
    name: `${c.name} armed forces`,
    country: c.code,
    priority,
  }));
}

export function generateDemand(endItems: Item[], countries: Country[], start: string, periods: number, rng: Rng): DemandSide {
  const consumers = selectConsumers(countries, endItems.length, rng);
  // Own forces ask most, then Ukraine, then the allies together.
  const weights = consumers.map((c) => (c.priority === 1 ? 0.4 : c.priority === 2 ? 0.3 : 0.3 / Math.max(1, consumers.length - 2)));
  const demands: Demand[] = [];
  const targets: Target[] = [];
  const holdings: Stock[] = [];
  const requirement: number[] = [];
  const last = periods - 1;
  endItems.forEach((item, e) => {
    const rate = Math.max(1, Math.round(rng.logUniform(2, 400)));
    const due = new Float64Array(periods);
    let usage = 0;
    const count = rng.int(1, 3);
    for (let k = 0; k < count; k++) {
      const qty = Math.max(1, Math.round(rate * rng.float(2, 10)));
      const period = rng.int(Math.min(last, 6), last);
      const demand: Demand = {
        id: `d-${demands.length + 1}`,
        item: item.id,
        consumer: consumers[rng.weighted(weights)]!.id,
        qty,
        due: addMonths(start, period),
      };
      if (rng.chance(0.1)) demand.priority = rng.int(1, 3);
      demands.push(demand);
      due[period] = due[period]! + qty;
    }
    // Stock norms for some end items (always the first, so every dataset has one): own forces, sometimes an ally too.
    if (e === 0 || rng.chance(0.4)) {
      const holders = [consumers[0]!];
      const ally = consumers.find((c) => c.priority === 3);
      if (ally && rng.chance(0.3)) holders.push(ally);
      for (const holder of holders) {
        const level = Math.max(1, Math.round(rate * rng.float(6, 24)));
        const by = rng.int(Math.floor(periods / 3), last);
        const target: Target = { id: `t-${targets.length + 1}`, item: item.id, consumer: holder.id, level, by: addMonths(start, by) };
        const held = Math.round(level * rng.float(0.05, 0.6));
        if (held > 0) holdings.push({ item: item.id, holder: holder.id, qty: held });
        due[by] = due[by]! + level - held;
        if (rng.chance(0.5)) {
          target.usagePerPeriod = Math.round(rate * rng.float(0.05, 0.3) * 100) / 100;
          usage += target.usagePerPeriod;
        }
        targets.push(target);
      }
    }
    requirement.push(requiredRate(due, usage));
  });
  return { consumers, demands, targets, holdings, requirement };
}

/**
 * The steepest cumulative need: the most, over all months t, of (everything due by t plus usage) per
 * month elapsed, counting at least a year (or the whole horizon if shorter) since stock covers the start.
 */
export function requiredRate(due: Float64Array, usagePerPeriod: number): number {
  const floor = Math.min(12, due.length);
  let cumulative = 0;
  let rate = 0;
  for (let t = 0; t < due.length; t++) {
    cumulative += due[t]!;
    rate = Math.max(rate, (cumulative + usagePerPeriod * (t + 1)) / Math.max(t + 1, floor));
  }
  return rate;
}

/**
 * An independent checker of a plan, for tests: it reads only the dataset and the plan's JSON
 * (not the LP) and recomputes capacities, pool balances, consumer stocks and the demand and
 * target figures from scratch. Returns the violations found; an empty list means the plan holds.
 */
import { POOL, type Dataset } from "../../model/schema.js";
import type { PlanResult } from "../types.js";

function monthIndex(m: string): number {
  const [y, mo] = m.split("-").map(Number);
  return y! * 12 + mo! - 1;
}

export function checkPlan(dataset: Dataset, plan: PlanResult, tolerance = 1e-5): string[] {
  const problems: string[] = [];
  const T = dataset.horizon.periods;
  const t0 = monthIndex(dataset.horizon.start);
  const period = (m: string): number => monthIndex(m) - t0;
  const close = (a: number, b: number): boolean => Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));
  const le = (a: number, b: number): boolean => a <= b + tolerance * Math.max(1, Math.abs(b));

  const supplies = new Map(dataset.supply.map((s) => [s.id, s]));
  const items = new Set(dataset.items.map((i) => i.id));
  // flows[item][t]: + arrivals − use by parents − deliveries
  const flow = new Map<string, Float64Array>();
  const flowOf = (item: string): Float64Array => {
    let f = flow.get(item);
    if (!f) flow.set(item, (f = new Float64Array(T)));
    return f;
  };
  // Everything that moves through an item's pool: reported quantities are rounded, so balances hold to a tolerance of this size.
  const gross = new Map<string, number>();
  const addGross = (item: string, q: number): void => void gross.set(item, (gross.get(item) ?? 0) + Math.abs(q));
  // Quantities are reported to 6 decimals and solved to a feasibility tolerance of about 1e-7 per
  // row; allow 2e-6 per reported quantity, times its BOM quantity for an input.
  const rounding = new Map<string, number>();
  const addRounding = (item: string, factor: number): void => void rounding.set(item, (rounding.get(item) ?? 0) + 2e-6 * factor);
  const allowance = (item: string): number =>
    tolerance * Math.max(1, (pool.get(item) ?? 0) + (gross.get(item) ?? 0)) + (rounding.get(item) ?? 0);

  const capacityAt = (steps: { from: string; perPeriod: number }[], t: number): number => {
    let c = 0;
    for (const s of steps) if (period(s.from) <= t) c = s.perPeriod;
    return c;
  };

  const usedCapacity = new Map<string, number>();
  for (const p of plan.production) {
    const s = supplies.get(p.supply);
    const t = period(p.period);
    if (!s) {
      problems.push(`production of unknown supply ${p.supply}`);
      continue;
    }
    if (s.item !== p.item || s.site !== p.site)
      problems.push(`production ${p.supply}: item/site ${p.item}/${p.site} differ from the supply option`);
    if (!(p.qty > 0)) problems.push(`production ${p.supply} ${p.period}: qty ${p.qty} not positive`);
    if (t < 0 || t >= T) problems.push(`production ${p.supply} in ${p.period} is outside the horizon`);
    if (t + s.leadTime >= T) problems.push(`production ${p.supply} in ${p.period} arrives after the horizon`);
    const key = `${p.supply}@${t}`;
    const used = (usedCapacity.get(key) ?? 0) + p.qty;
    usedCapacity.set(key, used);
    if (!le(used, capacityAt(s.capacity, t)))
      problems.push(`production ${p.supply} in ${p.period}: ${used} above capacity ${capacityAt(s.capacity, t)}`);
    if (t + s.leadTime < T) flowOf(s.item)[t + s.leadTime]! += p.qty;
    addGross(s.item, p.qty);
    addRounding(s.item, 1);
    for (const line of dataset.bom)
      if (line.parent === s.item && t >= 0 && t < T) {
        flowOf(line.child)[t]! -= line.qty * p.qty;
        addGross(line.child, line.qty * p.qty);
        addRounding(line.child, line.qty);
      }
  }

  const demands = new Map(dataset.demands.map((d) => [d.id, d]));
  const targets = new Map(dataset.targets.map((g) => [g.id, g]));
  const deliveredTo = new Map<string, Float64Array>();
  const consumerIn = new Map<string, Float64Array>();
  for (const d of plan.deliveries) {
    const t = period(d.period);
    if (!(d.qty > 0)) problems.push(`delivery ${JSON.stringify(d)}: qty not positive`);
    if (t < 0 || t >= T) {
      problems.push(`delivery ${JSON.stringify(d)} outside the horizon`);
      continue;
    }
    if (!items.has(d.item)) problems.push(`delivery of unknown item ${d.item}`);
    flowOf(d.item)[t]! -= d.qty;
    addGross(d.item, d.qty);
    addRounding(d.item, 1);
    if ("demand" in d) {
      const dem = demands.get(d.demand);
      if (!dem) {
        problems.push(`delivery to unknown demand ${d.demand}`);
        continue;
      }
      if (dem.item !== d.item || dem.consumer !== d.consumer)
        problems.push(`delivery to ${d.demand}: item/consumer differ from the demand`);
      if (t < period(dem.due)) problems.push(`delivery to ${d.demand} in ${d.period} is before its due month ${dem.due}`);
      let f = deliveredTo.get(d.demand);
      if (!f) deliveredTo.set(d.demand, (f = new Float64Array(T)));
      f[t]! += d.qty;
    } else {
      const g = targets.get(d.target);
      if (!g) {
        problems.push(`delivery to unknown target ${d.target}`);
        continue;
      }
      if (g.item !== d.item || g.consumer !== d.consumer) problems.push(`delivery to ${d.target}: item/consumer differ from the target`);
      const key = `${g.consumer}=${g.item}`;
      let f = consumerIn.get(key);
      if (!f) consumerIn.set(key, (f = new Float64Array(T)));
      f[t]! += d.qty;
    }
  }

  // Pool balances: opening stock plus flows never below zero.
  const pool = new Map<string, number>();
  for (const s of dataset.stocks) if (s.holder === POOL) pool.set(s.item, (pool.get(s.item) ?? 0) + s.qty);
  const poolSeries = new Map<string, Float64Array>();
  for (const item of items) {
    const f = flow.get(item);
    let stock = pool.get(item) ?? 0;
    const series = new Float64Array(T);
    for (let t = 0; t < T; t++) {
      stock += f ? f[t]! : 0;
      series[t] = stock;
      if (stock < -allowance(item)) {
        problems.push(`pool of ${item} is negative (${stock}) in period ${t}`);
        break;
      }
    }
    poolSeries.set(item, series);
  }

  // Demands: figures recomputed from the deliveries.
  for (const r of plan.demands) {
    const dem = demands.get(r.id);
    if (!dem) {
      problems.push(`result for unknown demand ${r.id}`);
      continue;
    }
    const f = deliveredTo.get(r.id) ?? new Float64Array(T);
    const due = period(dem.due);
    let total = 0;
    let last = -1;
    for (let t = 0; t < T; t++) {
      total += f[t]!;
      if (f[t]! > 0) last = t;
    }
    if (!le(total, dem.qty)) problems.push(`demand ${r.id}: delivered ${total} more than ordered ${dem.qty}`);
    if (!close(r.onTime, f[due]!)) problems.push(`demand ${r.id}: onTime ${r.onTime}, deliveries in the due month ${f[due]}`);
    if (!close(r.late, total - f[due]!)) problems.push(`demand ${r.id}: late ${r.late}, deliveries after the due month ${total - f[due]!}`);
    // Short is rounded to 0 within the solver's tolerance relative to the order (extract.ts), so it is compared at the order's size.
    if (Math.abs(r.short - Math.max(0, dem.qty - total)) > tolerance * Math.max(1, dem.qty))
      problems.push(`demand ${r.id}: short ${r.short}, ordered minus delivered ${dem.qty - total}`);
    const lastMonth = last < 0 ? null : r.lastDelivery;
    if (last >= 0 && (r.lastDelivery === null || period(r.lastDelivery) !== last))
      problems.push(`demand ${r.id}: lastDelivery ${r.lastDelivery}, last delivery period ${last}`);
    if (last < 0 && lastMonth !== null) problems.push(`demand ${r.id}: lastDelivery without deliveries`);
    if (r.short > 0 || r.late > 0) {
      if (r.explanation === null) problems.push(`demand ${r.id} is late or short without an explanation`);
    } else if (r.explanation !== null) problems.push(`demand ${r.id} is on time but has an explanation`);
  }
  if (plan.demands.length !== dataset.demands.length)
    problems.push(`${plan.demands.length} demand results for ${dataset.demands.length} demands`);

  // Targets: the consumer's stock simulated — usage is taken while there is stock, never below zero.
  const holding = new Map<string, number>();
  for (const s of dataset.stocks)
    if (s.holder !== POOL) holding.set(`${s.holder}=${s.item}`, (holding.get(`${s.holder}=${s.item}`) ?? 0) + s.qty);
  const usage = new Map<string, number>();
  for (const g of dataset.targets)
    usage.set(`${g.consumer}=${g.item}`, Math.max(usage.get(`${g.consumer}=${g.item}`) ?? 0, g.usagePerPeriod ?? 0));
  const consumerSeries = new Map<string, Float64Array>();
  for (const key of usage.keys()) {
    const f = consumerIn.get(key);
    let s = holding.get(key) ?? 0;
    const u = usage.get(key)!;
    const series = new Float64Array(T);
    for (let t = 0; t < T; t++) {
      s += f ? f[t]! : 0;
      s -= Math.min(s, u);
      series[t] = s;
    }
    consumerSeries.set(key, series);
  }
  for (const r of plan.targets) {
    const g = targets.get(r.id);
    if (!g) {
      problems.push(`result for unknown target ${r.id}`);
      continue;
    }
    const series = consumerSeries.get(`${g.consumer}=${g.item}`)!;
    const by = period(g.by);
    // The series the result carries (what the web app draws) is the stock simulated from the deliveries.
    if (r.stock.length !== T) problems.push(`target ${r.id}: stock series of ${r.stock.length} months for a horizon of ${T}`);
    else
      for (let t = 0; t < T; t++)
        if (Math.abs(r.stock[t]! - series[t]!) > 1e-4 * Math.max(1, g.level, Math.abs(series[t]!))) {
          problems.push(`target ${r.id}: stock ${r.stock[t]} in period ${t}, simulated ${series[t]}`);
          break;
        }
    const ok = (t: number): boolean => series[t]! >= g.level - 1e-4 * Math.max(1, g.level);
    const met = ok(by);
    if (met !== r.met)
      problems.push(`target ${r.id}: met ${r.met}, but the simulated stock in ${g.by} is ${series[by]} for level ${g.level}`);
    if (
      !close(r.gapAtBy, Math.max(0, g.level - series[by]!)) &&
      Math.abs(r.gapAtBy - Math.max(0, g.level - series[by]!)) > 1e-4 * Math.max(1, g.level)
    )
      problems.push(`target ${r.id}: gapAtBy ${r.gapAtBy}, simulated ${g.level - series[by]!}`);
    let metAt = -1;
    if (met) {
      metAt = by;
      while (metAt > 0 && ok(metAt - 1)) metAt--;
    } else for (let t = by + 1; t < T && metAt < 0; t++) if (ok(t)) metAt = t;
    if ((r.metAt === null ? -1 : period(r.metAt)) !== metAt) problems.push(`target ${r.id}: metAt ${r.metAt}, simulated period ${metAt}`);
    if (!met && r.explanation === null) problems.push(`target ${r.id} is not met without an explanation`);
    if (met && r.explanation !== null) problems.push(`target ${r.id} is met but has an explanation`);
  }
  if (plan.targets.length !== dataset.targets.length)
    problems.push(`${plan.targets.length} target results for ${dataset.targets.length} targets`);

  // Reported stocks, when present, agree with the recomputed ones.
  for (const s of plan.stocks ?? []) {
    const t = period(s.period);
    const series = s.holder === POOL ? poolSeries.get(s.item) : consumerSeries.get(`${s.holder}=${s.item}`);
    if (!series) problems.push(`stock of unknown ${s.holder}/${s.item}`);
    else {
      const allowed = s.holder === POOL ? allowance(s.item) : tolerance * Math.max(1, Math.abs(series[t]!));
      if (Math.abs(s.qty - series[t]!) > allowed)
        problems.push(`stock ${s.holder}/${s.item} in ${s.period}: ${s.qty}, recomputed ${series[t]}`);
    }
    if (s.qty < -tolerance) problems.push(`stock ${s.holder}/${s.item} in ${s.period} is negative`);
  }
  return problems;
}

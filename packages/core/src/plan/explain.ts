/**
 * "Why is this late or short?" For a demand or target that misses its month, walk the item's
 * chain (its BOM through the supply options that can produce) and report what held it back in
 * the months that matter: capacities that are fully used and would help if larger (from the
 * duals), pools that run dry with nothing to refill them, the chain of lead times when the item
 * cannot exist in time at all, items nobody can supply, and higher-priority recipients of the
 * same item. Each cause is data and is also put into one sentence.
 */
import { neighbours } from "../network/network.js";
import type { PlanModel } from "./build.js";
import type { DemandSummary, TargetSummary } from "./extract.js";
import { monthsOf } from "./extract.js";
import { isActiveSupply, type PlanNetwork } from "./network.js";
import type { PlanValues } from "./solution.js";
import type {
  CapacityCause,
  Cause,
  CompetitionCause,
  Explanation,
  LeadTimeCause,
  LeadTimeStep,
  NoSourceCause,
  NoSourceReason,
  PoolCause,
  TieCause,
  TieRecipient,
  UsageCause,
} from "./types.js";
import { formatQty, itemName, shortName } from "../words.js";
import { consumerName, monthRanges, rangeWords, supplyPlace } from "./words.js";

/** Capacities named in one explanation, at most. */
const MAX_CAPACITY_CAUSES = 3;
/** Duals below this are solver noise. */
const DUAL_NOISE = 1e-7;

export class Explainer {
  private readonly net: PlanNetwork;
  private readonly months: string[];
  private readonly T: number;
  private readonly tol: number;
  private readonly bindingCache: Int8Array;

  constructor(
    private readonly model: PlanModel,
    private readonly values: PlanValues,
  ) {
    this.net = model.network;
    this.months = monthsOf(this.net);
    this.T = this.net.periods;
    this.tol = model.options.tolerance;
    this.bindingCache = new Int8Array(this.net.supplies.length * this.T).fill(-1);
  }

  /**
   * A unit more in item i's pool (or of capacity for it) is worth more than cost alone could
   * make it worth only above this: the cost weight times the item's chain cost.
   */
  private threshold(i: number): number {
    return this.model.costWeight * this.net.chainCost[i]! * (1 + 1e-6) + DUAL_NOISE;
  }

  /** Whether supply s is fully used in period t and more would help (without duals: whether it is fully used). */
  binding(s: number, t: number): boolean {
    // Asked again for every demand and target on the same chain: computed once per option and month.
    const k = s * this.T + t;
    const known = this.bindingCache[k]!;
    if (known >= 0) return known === 1;
    const b = this.computeBinding(s, t);
    this.bindingCache[k] = b ? 1 : 0;
    return b;
  }

  private computeBinding(s: number, t: number): boolean {
    const bound = this.values.capacityUsedBound(s, t);
    if (bound <= 0) return false;
    if (this.values.production(s, t) < bound * (1 - this.tol)) return false;
    return !this.values.hasDuals || this.values.capacityValue(s, t) > this.threshold(this.net.supplyItem[s]!);
  }

  explainDemand(d: number, sum: DemandSummary): Explanation | null {
    if (sum.short <= 0 && sum.late <= 0) return null;
    const net = this.net;
    const demand = net.dataset.demands[d]!;
    const i = net.demandItem[d]!;
    const due = net.demandDue[d]!;
    const end = sum.short > 0 ? this.T - 1 : sum.last;
    const head = `${shortName(itemName(net, i))} for ${consumerName(net, demand.consumer)}: ${formatQty(demand.qty)} due ${demand.due}; `;
    let state: string;
    if (sum.short > 0) {
      const got = sum.onTime + sum.late;
      state =
        got > 0
          ? `${formatQty(got)} delivered${sum.late > 0 ? ` (${formatQty(sum.late)} late)` : ""}, ${formatQty(sum.short)} short at the horizon end (${this.months[this.T - 1]})`
          : `nothing delivered by the horizon end (${this.months[this.T - 1]})`;
    } else {
      const n = sum.last - due;
      state = `${sum.onTime > 0 ? `${formatQty(sum.onTime)} on time, the rest` : "all"} by ${this.months[sum.last]}, ${n} month${n === 1 ? "" : "s"} late`;
    }
    const causes = this.causesFor(i, end, due, net.demandPriority[d]!, { demand: d });
    const tie = this.tieCause(d, end);
    if (tie) causes.push(tie);
    return { summary: head + state + this.causeWords(causes, end), causes };
  }

  explainTarget(j: number, sum: TargetSummary, unmet: Float64Array): Explanation | null {
    if (sum.met) return null;
    const net = this.net;
    const target = net.dataset.targets[j]!;
    const i = net.targetItem[j]!;
    const by = net.targetBy[j]!;
    const end = sum.metAt >= 0 ? sum.metAt : this.T - 1;
    const who = `${shortName(itemName(net, i))} for ${consumerName(net, target.consumer)}`;
    const state =
      sum.metAt >= 0
        ? `${who} reaches the norm of ${formatQty(target.level)} in ${this.months[sum.metAt]}, ${sum.late} month${sum.late === 1 ? "" : "s"} late (due ${target.by})`
        : `${who} does not reach the norm of ${formatQty(target.level)} within the horizon (gap of ${formatQty(sum.gapAtBy)} in ${target.by})`;
    const causes = this.causesFor(i, end, by, net.targetPriority[j]!, { target: j });
    const usage = this.usageCause(j, unmet, end);
    if (usage) causes.push(usage);
    return { summary: state + this.causeWords(causes, end), causes };
  }

  private causesFor(i: number, end: number, due: number, priority: number, self: { demand?: number; target?: number }): Cause[] {
    const net = this.net;
    if (net.earliest[i]! >= this.T) return this.noSource(i, [net.items[i]!.id], new Set());
    const causes: Cause[] = [];
    if (net.earliest[i]! > due) causes.push(this.leadTime(i));
    const chain = this.chain(i);
    causes.push(...this.capacityCauses(chain, end));
    causes.push(...this.poolCauses(chain, end));
    const competition = this.competition(i, end, priority, self);
    if (competition) causes.push(competition);
    return causes;
  }

  /** Items the item is made of, through supply options that can produce, itself first. */
  private chain(i: number): number[] {
    const net = this.net;
    const seen = new Set<number>([i]);
    const out = [i];
    for (let k = 0; k < out.length; k++) {
      const cur = out[k]!;
      if (!net.suppliesOf[cur]!.some((s) => isActiveSupply(net, s))) continue;
      for (const c of neighbours(net.children, cur)) {
        if (seen.has(c)) continue;
        seen.add(c);
        out.push(c);
      }
    }
    return out;
  }

  private capacityCauses(chain: number[], end: number): CapacityCause[] {
    const net = this.net;
    const found: CapacityCause[] = [];
    for (const i of chain) {
      for (const s of net.suppliesOf[i]!) {
        if (!isActiveSupply(net, s)) continue;
        const months = monthRanges(net, 0, end, (t) => this.binding(s, t));
        if (months.length === 0) continue;
        let value = 0;
        for (let t = 0; t <= end; t++) if (this.binding(s, t)) value += this.values.capacityValue(s, t);
        found.push({
          kind: "capacity",
          supply: net.supplies[s]!.id,
          item: net.items[i]!.id,
          itemName: itemName(net, i),
          ...supplyPlace(net, s),
          months,
          value,
        });
      }
    }
    // The strongest few, told in the order they start to bind.
    return found
      .sort((a, b) => b.value - a.value || a.months[0]!.from.localeCompare(b.months[0]!.from))
      .slice(0, MAX_CAPACITY_CAUSES)
      .sort((a, b) => a.months[0]!.from.localeCompare(b.months[0]!.from));
  }

  /** Whether anything could arrive in item i's pool in period t. */
  private canReplenish(i: number, t: number): boolean {
    const net = this.net;
    for (const s of net.suppliesOf[i]!) {
      const start = t - net.leadTime[s]!;
      if (start >= 0 && this.model.xVar[s * this.T + start]! >= 0) return true;
    }
    return false;
  }

  private poolCauses(chain: number[], end: number): PoolCause[] {
    const net = this.net;
    const out: PoolCause[] = [];
    for (const i of chain) {
      if (net.needed[i] === 0) continue;
      const scale = Math.max(1, net.pool[i]!);
      // Before the first output of an item that is made can arrive, its lead time is the cause, not its stock.
      let firstArrival = this.T;
      for (const s of net.suppliesOf[i]!)
        if (isActiveSupply(net, s)) firstArrival = Math.min(firstArrival, net.supplyFirst[s]! + net.leadTime[s]!);
      const months = monthRanges(net, 0, end, (t) => {
        if (t < net.earliest[i]! || (t < firstArrival && firstArrival < this.T) || this.canReplenish(i, t)) return false;
        if (this.values.pool(i, t) > this.tol * scale) return false;
        return this.values.hasDuals ? this.values.poolValue(i, t) > this.threshold(i) : true;
      });
      if (months.length > 0) out.push({ kind: "pool-exhausted", item: net.items[i]!.id, itemName: itemName(net, i), months });
    }
    return out;
  }

  private leadTime(i: number): LeadTimeCause {
    const net = this.net;
    const path: LeadTimeStep[] = [];
    let cur = i;
    for (let guard = 0; guard < net.items.length; guard++) {
      if (net.earliest[cur] === 0 && net.pool[cur]! > 0) break;
      let best = -1;
      for (const s of net.suppliesOf[cur]!) {
        if (!isActiveSupply(net, s)) continue;
        if (best < 0 || net.supplyFirst[s]! + net.leadTime[s]! < net.supplyFirst[best]! + net.leadTime[best]!) best = s;
      }
      if (best < 0) break;
      const supply = net.supplies[best]!;
      path.push({
        item: net.items[cur]!.id,
        itemName: itemName(net, cur),
        supply: supply.id,
        site: supply.site,
        leadTime: supply.leadTime,
        start: this.months[net.supplyFirst[best]!]!,
        arrives: this.months[net.supplyFirst[best]! + supply.leadTime]!,
      });
      const start = net.supplyStart[best]!;
      if (start === 0) break;
      const critical = neighbours(net.children, cur).find((c) => net.earliest[c] === start);
      if (critical === undefined) break;
      cur = critical;
    }
    path.reverse();
    return { kind: "lead-time", item: net.items[i]!.id, itemName: itemName(net, i), earliest: this.months[net.earliest[i]!]!, path };
  }

  /** Why an item cannot be had within the horizon, down to the inputs that are missing. */
  private noSource(i: number, via: string[], seen: Set<number>): NoSourceCause[] {
    const net = this.net;
    seen.add(i);
    const cause = (reason: NoSourceReason): NoSourceCause => ({
      kind: "no-source",
      item: net.items[i]!.id,
      itemName: itemName(net, i),
      reason,
      via,
    });
    const supplies = net.suppliesOf[i]!;
    if (supplies.length === 0) return [cause("no-supply-no-stock")];
    const out: NoSourceCause[] = [];
    // Inputs that cannot be had stop every supply option of the item (the BOM is per item).
    const missing = neighbours(net.children, i).filter((c) => net.earliest[c]! >= this.T);
    if (missing.length > 0) {
      for (const c of missing) if (!seen.has(c)) out.push(...this.noSource(c, [...via, net.items[c]!.id], seen));
      return out;
    }
    const reasons = new Set<NoSourceReason>();
    for (const s of supplies) {
      let any = false;
      for (let t = net.supplyStart[s]!; t < this.T; t++) if (net.capacity[s * this.T + t]! > 0) any = true;
      reasons.add(any ? "arrives-after-horizon" : "no-capacity-in-horizon");
    }
    for (const r of reasons) out.push(cause(r));
    return out;
  }

  private competition(i: number, end: number, priority: number, self: { demand?: number; target?: number }): CompetitionCause | undefined {
    const net = this.net;
    const recipients: CompetitionCause["recipients"] = [];
    for (const d of net.demandsOf[i]!) {
      if (d === self.demand || net.demandPriority[d]! >= priority) continue;
      let qty = 0;
      for (let t = 0; t <= end; t++) qty += this.values.delivery(d, t);
      const demand = net.dataset.demands[d]!;
      if (qty > this.tol)
        recipients.push({ demand: demand.id, consumer: demand.consumer, priority: net.demandPriority[d]!, qty: roundTo6(qty) });
    }
    for (const k of net.pairsOf[i]!) {
      const pair = net.pairs[k]!;
      const selfPair = self.target !== undefined && net.targetPair[self.target] === k;
      const p = net.consumers.get(pair.consumer)?.priority ?? Infinity;
      if (selfPair || p >= priority) continue;
      let qty = 0;
      for (let t = 0; t <= end; t++) qty += this.values.stockDelivery(k, t);
      if (qty > this.tol)
        recipients.push({ target: net.dataset.targets[pair.targets[0]!]!.id, consumer: pair.consumer, priority: p, qty: roundTo6(qty) });
    }
    if (recipients.length === 0) return undefined;
    recipients.sort((a, b) => a.priority - b.priority || b.qty - a.qty || a.consumer.localeCompare(b.consumer));
    return { kind: "competition", item: net.items[i]!.id, itemName: itemName(net, i), recipients };
  }

  private tieClassOf: Map<number, number[]> | undefined;

  /** The demands of d's tie class that the rule served before it or alongside it, up to month `end`. */
  private tieCause(d: number, end: number): TieCause | undefined {
    const net = this.net;
    if (this.tieClassOf === undefined) {
      this.tieClassOf = new Map();
      for (const members of this.model.tieClasses) for (const m of members) this.tieClassOf.set(m, members);
    }
    const members = this.tieClassOf.get(d);
    if (members === undefined) return undefined;
    const rule = this.model.options.ties;
    const due = net.demandDue[d]!;
    const before: TieRecipient[] = [];
    const shared: TieRecipient[] = [];
    for (const m of members) {
      if (m === d || net.demandDue[m]! > end) continue;
      let qty = 0;
      for (let t = 0; t <= end; t++) qty += this.values.delivery(m, t);
      if (qty <= this.tol) continue;
      const demand = net.dataset.demands[m]!;
      const entry = { demand: demand.id, consumer: demand.consumer, due: demand.due, qty: roundTo6(qty) };
      if (rule === "due-date" && net.demandDue[m]! < due) before.push(entry);
      else if (rule === "pro-rata" || net.demandDue[m] === due) shared.push(entry);
    }
    if (before.length === 0 && shared.length === 0) return undefined;
    const order = (a: TieRecipient, b: TieRecipient): number => a.due.localeCompare(b.due) || a.demand.localeCompare(b.demand);
    const i = net.demandItem[d]!;
    return {
      kind: "tie",
      item: net.items[i]!.id,
      itemName: itemName(net, i),
      rule,
      before: before.sort(order),
      shared: shared.sort(order),
    };
  }

  private usageCause(j: number, unmet: Float64Array, end: number): UsageCause | undefined {
    const net = this.net;
    const pair = net.pairs[net.targetPair[j]!]!;
    if (pair.usage <= 0) return undefined;
    const months = monthRanges(net, 0, end, (t) => unmet[t]! > this.tol * Math.max(1, pair.usage));
    if (months.length === 0) return undefined;
    let total = 0;
    for (let t = 0; t <= end; t++) total += unmet[t]!;
    return {
      kind: "unmet-usage",
      item: net.items[pair.item]!.id,
      consumer: pair.consumer,
      usagePerPeriod: pair.usage,
      unmet: roundTo6(total),
      months,
    };
  }

  private causeWords(causes: Cause[], end: number): string {
    if (causes.length === 0)
      return ": no single capacity or stock limits it; the supply there is goes first to demands and targets that weigh more (priority, lateness).";
    const windowEnd = this.months[end]!;
    const capacity = causes.filter((c): c is CapacityCause => c.kind === "capacity");
    const parts: string[] = [];
    for (const c of causes) if (c.kind !== "capacity") parts.push(this.words(c, windowEnd));
    if (capacity.length > 0) parts.push(this.capacityWords(capacity, windowEnd));
    return `: ${parts.join("; ")}.`;
  }

  /**
   * Capacities in the order they start to bind; options of one item that bind over the same
   * months are named together: "nitrocellulose capacity at A (ES) and B (CZ) is fully used from …;
   * after that, fuze capacity at C (DE) from …".
   */
  private capacityWords(capacity: CapacityCause[], windowEnd: string): string {
    const groups: { item: string; when: string; from: string; places: string[] }[] = [];
    for (const c of capacity) {
      const when = rangeWords(c.months, windowEnd);
      const place = `${shortName(c.siteName)}${c.country ? ` (${c.country})` : ""}`;
      const same = groups.find((g) => g.item === c.itemName && g.when === when);
      if (same) same.places.push(place);
      else groups.push({ item: c.itemName, when, from: c.months[0]!.from, places: [place] });
    }
    return groups
      .map((g, k) => {
        const places = g.places.length === 1 ? g.places[0]! : `${g.places.slice(0, -1).join(", ")} and ${g.places[g.places.length - 1]!}`;
        const text = `${shortName(g.item)} capacity at ${places} is fully used ${g.when}`;
        if (k === 0) return text;
        return g.from > groups[k - 1]!.from ? `after that, ${text}` : `and ${text}`;
      })
      .join("; ");
  }

  private words(c: Cause, windowEnd: string): string {
    const net = this.net;
    switch (c.kind) {
      case "capacity":
        return this.capacityWords([c], windowEnd);
      case "pool-exhausted":
        return `the stock of ${shortName(c.itemName)} is used up ${rangeWords(c.months, windowEnd)} and nothing can replenish it then`;
      case "lead-time": {
        const steps = c.path.map(
          (s) =>
            `${shortName(s.itemName)} ${s.leadTime} month${s.leadTime === 1 ? "" : "s"} at ${shortName(net.sites.get(s.site)?.name ?? s.site)} from ${s.start}`,
        );
        return `${shortName(c.itemName)} cannot be ready before ${c.earliest}${steps.length > 0 ? ` (${steps.join(", then ")})` : ""}`;
      }
      case "no-source": {
        const what =
          c.reason === "no-supply-no-stock"
            ? `no supply option and no stock for ${shortName(c.itemName)}`
            : c.reason === "no-capacity-in-horizon"
              ? `no capacity for ${shortName(c.itemName)} within the horizon`
              : c.reason === "arrives-after-horizon"
                ? `${shortName(c.itemName)} cannot arrive within the horizon (its capacity starts too late for its lead time)`
                : `an input of ${shortName(c.itemName)} cannot be had`;
        const users = c.via
          .slice(0, -1)
          .reverse()
          .map((id) => shortName(net.items[net.itemIndex.get(id) ?? -1]?.name ?? id));
        return users.length > 0 ? `${what} (an input of ${users.join(", for ")})` : what;
      }
      case "competition": {
        // One entry per consumer in the sentence; the data keeps each demand and target.
        const byConsumer = new Map<string, { priority: number; qty: number }>();
        for (const r of c.recipients) {
          const e = byConsumer.get(r.consumer) ?? { priority: r.priority, qty: 0 };
          e.qty += r.qty;
          byConsumer.set(r.consumer, e);
        }
        const list = [...byConsumer]
          .slice(0, 3)
          .map(([id, e]) => `${consumerName(net, id)} (priority ${e.priority}, ${formatQty(e.qty)})`)
          .join(", ");
        return `higher-priority deliveries of ${shortName(c.itemName)} went to ${list}${byConsumer.size > 3 ? ` and ${byConsumer.size - 3} more` : ""}`;
      }
      case "tie": {
        const names = (rs: TieRecipient[]): string => {
          const shown = rs.slice(0, 3).map((r) => r.demand);
          return rs.length > 3 ? `${shown.join(", ")} and ${rs.length - 3} more` : shown.join(", ");
        };
        const parts: string[] = [];
        if (c.before.length > 0) parts.push(`after ${names(c.before)}: same priority, due earlier`);
        if (c.shared.length > 0)
          parts.push(
            c.rule === "pro-rata"
              ? `shared pro rata with ${names(c.shared)} (same priority; the pro-rata rule ignores due order)`
              : `shared pro rata with ${names(c.shared)} (same priority, due the same month)`,
          );
        return parts.join("; ");
      }
      case "unmet-usage":
        return `usage of ${formatQty(c.usagePerPeriod)} a month could not be covered ${rangeWords(c.months, windowEnd)} (${formatQty(c.unmet)} in all)`;
    }
  }
}

function roundTo6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

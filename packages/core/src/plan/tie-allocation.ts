/**
 * The tie rule inside a tie class (the demands of one item and one priority), applied exactly to
 * a solved group: the class's deliveries per month stay as the solver found them and are handed
 * out again by the rule. Every demand of the class may receive from its due month on, and the set
 * of demands that may receive only grows with the month, so any hand-out that respects due
 * months is feasible whenever the solver's was (docs/planning.md proves the objective is unchanged).
 *
 * - due-date: earlier due month first; demands due in the same month share in proportion to quantity.
 * - pro-rata: every demand already due shares in proportion to its quantity, whatever its due month.
 */
import type { PlanGroup, PlanModel } from "./build.js";
import type { TieRule } from "./options.js";

/** Tie classes of a model: demand numbers by (item, priority), only classes of two or more. */
export function tieClasses(model: Pick<PlanModel, "network">): number[][] {
  const net = model.network;
  const classes = new Map<string, number[]>();
  for (let d = 0; d < net.demandItem.length; d++) {
    const key = `${net.demandItem[d]}|${net.demandPriority[d]}`;
    const list = classes.get(key);
    if (list === undefined) classes.set(key, [d]);
    else list.push(d);
  }
  return [...classes.values()].filter((c) => c.length > 1);
}

/**
 * Shares `amount` among `members` in proportion to weight[m], none above room[m]: what a member
 * cannot take is shared again among the others (water-filling). Returns what was handed out.
 */
export function shareInProportion(
  amount: number,
  members: readonly number[],
  weight: Float64Array,
  room: Float64Array,
  give: (m: number, q: number) => void,
): number {
  let left = amount;
  let open = members.filter((m) => room[m]! > 0);
  while (left > 0 && open.length > 0) {
    let total = 0;
    for (const m of open) total += weight[m]!;
    if (!(total > 0)) break;
    const full = open.filter((m) => (left * weight[m]!) / total >= room[m]!);
    if (full.length === 0) {
      for (const m of open) give(m, (left * weight[m]!) / total);
      return amount;
    }
    for (const m of full) {
      left -= room[m]!;
      give(m, room[m]!);
    }
    open = open.filter((m) => room[m]! > 0);
  }
  return amount - Math.max(0, left);
}

/**
 * Re-allocates the deliveries of every tie class of the group in `primal` (the group's solution),
 * in place. Returns the change of the objective (only the tie terms' share: a few 1e-9 relative).
 */
export function reallocateDemands(
  model: PlanModel,
  group: PlanGroup,
  classes: readonly number[][],
  rule: TieRule,
  primal: Float64Array,
): number {
  const lp = group.model;
  let change = 0;
  const set = (v: number, value: number): void => {
    change += lp.cost(v) * (value - primal[v]!);
    primal[v] = value;
  };
  const net = model.network;
  const T = net.periods;
  const D = net.demandItem.length;
  const qty = new Float64Array(D);
  const room = new Float64Array(D);
  for (const members of classes) {
    if (model.itemGroup[net.demandItem[members[0]!]!] !== group.index) continue;
    for (const d of members) {
      qty[d] = net.dataset.demands[d]!.qty;
      room[d] = qty[d]!;
    }
    // Members in the order they become due; a month's hand-out goes to those due by then.
    const byDue = [...members].sort((a, b) => net.demandDue[a]! - net.demandDue[b]!);
    const received = new Float64Array(T * members.length);
    let due = 0;
    for (let t = 0; t < T; t++) {
      while (due < byDue.length && net.demandDue[byDue[due]!]! <= t) due++;
      let amount = 0;
      for (const d of members) {
        const v = model.dVar[d * T + t]!;
        if (v >= 0) amount += primal[v]!;
      }
      if (!(amount > 0) || due === 0) continue;
      const open = byDue.slice(0, due);
      const give = (d: number, q: number): void => {
        const at = t * members.length + members.indexOf(d);
        received[at] = received[at]! + q;
        room[d] = Math.max(0, room[d]! - q);
      };
      if (rule === "pro-rata") {
        shareInProportion(amount, open, qty, room, give);
        continue;
      }
      // due-date: by due month, each month's demands pro rata among themselves.
      let left = amount;
      for (let k = 0; k < open.length && left > 0;) {
        let end = k;
        while (end < open.length && net.demandDue[open[end]!] === net.demandDue[open[k]!]) end++;
        left -= shareInProportion(left, open.slice(k, end), qty, room, give);
        k = end;
      }
    }
    // Written back: deliveries where the model has a variable (every month from the due month on), shortfall the rest.
    members.forEach((d, m) => {
      let delivered = 0;
      for (let t = 0; t < T; t++) {
        const v = model.dVar[d * T + t]!;
        const q = received[t * members.length + m]!;
        if (v >= 0) set(v, q);
        delivered += q;
      }
      const s = model.sVar[d]!;
      if (s >= 0) set(s, Math.max(0, qty[d]! - delivered));
    });
  }
  return change;
}

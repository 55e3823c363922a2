/**
 * Synthetic time-phased LPs of the planner's shape, for the solver benchmark and for
 * cross-backend tests: items × months, production per supply option with a capacity row
 * (a ramp-up step half-way), lead times, BOM links consuming children's stock, a stock balance
 * per item and month, and backlog for end-item demand. Always feasible (backlog absorbs any
 * shortage) and bounded (all costs positive). Seeded, so a size always gives the same LP.
 */
export interface TimePhasedSize {
  items: number;
  months: number;
  seed?: number;
}

export interface TimePhasedLp {
  lp: string;
  variables: number;
  constraints: number;
  nonzeros: number;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Option {
  id: number;
  item: number;
  lead: number;
  capBefore: number;
  capAfter: number;
  rampMonth: number;
  cost: number;
}

export function timePhasedLp({ items, months, seed = 1 }: TimePhasedSize): TimePhasedLp {
  const rnd = mulberry32(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  // Four BOM levels (end items 10%, assemblies 20%, components 30%, materials 40%); each item
  // uses 1-3 items of the next level, 1-2 each.
  const levelStart = [0, 0.1, 0.3, 0.6, 1].map((f) => Math.round(items * f));
  const endItems = Math.max(1, levelStart[1]!);
  const children: { child: number; qty: number }[][] = Array.from({ length: items }, () => []);
  const parents: { parent: number; qty: number }[][] = Array.from({ length: items }, () => []);
  for (let level = 0; level < 3; level++) {
    const lo = levelStart[level + 1]!;
    const hi = levelStart[level + 2]! - 1;
    if (hi < lo) continue;
    for (let i = levelStart[level]!; i < levelStart[level + 1]!; i++) {
      const k = int(1, 3);
      for (let c = 0; c < k; c++) {
        const child = int(lo, hi);
        if (children[i]!.some((e) => e.child === child)) continue;
        const qty = int(1, 2);
        children[i]!.push({ child, qty });
        parents[child]!.push({ parent: i, qty });
      }
    }
  }
  const demand = (i: number, t: number): number => (i < endItems ? ((i * 7 + t * 3) % 11) + 10 : 0);
  const opening = (i: number): number => (i * 13) % 50;
  // Average monthly need per item, top-down, so capacities are of the right order: some bind.
  const need = Array.from({ length: items }, (_, i) => (i < endItems ? 15 : 0));
  for (let i = 0; i < items; i++) for (const c of children[i]!) need[c.child]! += c.qty * need[i]!;
  const options: Option[] = [];
  const optionsOf: Option[][] = Array.from({ length: items }, () => []);
  for (let i = 0; i < items; i++) {
    const n = rnd() < 0.3 ? 2 : 1;
    for (let k = 0; k < n; k++) {
      const base = Math.max(1, Math.round(((need[i]! || 10) * (0.9 + rnd())) / n));
      const o: Option = {
        id: options.length,
        item: i,
        lead: int(0, 3),
        capBefore: base,
        capAfter: Math.round(base * (1.2 + 0.5 * rnd())),
        rampMonth: int(Math.floor(months / 4), Math.floor((3 * months) / 4)),
        cost: int(1, 20),
      };
      options.push(o);
      optionsOf[i]!.push(o);
    }
  }

  const obj: string[] = [];
  const rows: string[] = [];
  let variables = 0;
  let nonzeros = 0;
  const fmt = (coef: number, name: string): string =>
    coef === 1 ? `+ ${name}` : coef === -1 ? `- ${name}` : `${coef < 0 ? "-" : "+"} ${Math.abs(coef)} ${name}`;

  for (const o of options) {
    for (let t = 0; t < months; t++) {
      const x = `x${o.id}_${t}`;
      variables++;
      obj.push(fmt(o.cost, x));
      rows.push(` cap${o.id}_${t}: ${x} <= ${t < o.rampMonth ? o.capBefore : o.capAfter}`);
      nonzeros++;
    }
  }
  for (let i = 0; i < items; i++) {
    for (let t = 0; t < months; t++) {
      const terms: string[] = [`+ s${i}_${t}`];
      variables++;
      obj.push(fmt(0.01, `s${i}_${t}`));
      if (t > 0) terms.push(`- s${i}_${t - 1}`);
      for (const o of optionsOf[i]!) if (t - o.lead >= 0) terms.push(`- x${o.id}_${t - o.lead}`);
      for (const p of parents[i]!) for (const o of optionsOf[p.parent]!) terms.push(fmt(p.qty, `x${o.id}_${t}`));
      let rhs = t === 0 ? opening(i) : 0;
      if (i < endItems) {
        // Deliveries d and backlog b: b_t = b_{t-1} + demand_t - d_t, weighted heavily.
        terms.push(`+ d${i}_${t}`);
        variables += 2;
        obj.push(fmt(1000, `b${i}_${t}`));
        const back = [`+ b${i}_${t}`, `+ d${i}_${t}`];
        if (t > 0) back.push(`- b${i}_${t - 1}`);
        rows.push(` dem${i}_${t}: ${back.join(" ")} = ${demand(i, t)}`);
        nonzeros += back.length;
      }
      if (rhs === 0) rhs = 0;
      rows.push(` bal${i}_${t}: ${terms.join(" ")} = ${rhs}`);
      nonzeros += terms.length;
    }
  }
  const objLines: string[] = [];
  for (let k = 0; k < obj.length; k += 10) objLines.push(`   ${obj.slice(k, k + 10).join(" ")}`);
  const lp = ["Minimize", ` obj: ${objLines.join("\n").trimStart()} + 1000`, "Subject To", ...rows, "End", ""].join("\n");
  return { lp, variables, constraints: rows.length, nonzeros };
}

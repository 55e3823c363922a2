import { readFileSync } from "node:fs";
import { generateDataset, presets } from "@paraat/core";
const endItems = 50;
const ds = generateDataset({ ...presets.medium, endItems, sites: Math.max(12, Math.round(endItems * 0.7)) });
const sol = new Map<string, number>();
for (const line of readFileSync("/tmp/pl/v50.sol", "utf8").split("\n")) { const p = line.trim().split(/\s+/); if (p.length >= 3) sol.set(p[1]!, Number(p[2])); }
const ub = new Map<string, number>();
let inB = false;
for (const line of readFileSync("/tmp/pl/v50-base.lp", "utf8").split("\n")) { if (line === "Bounds") inB = true; else if (inB) { const m = / (x\S+) <= (\S+)/.exec(line); if (m) ub.set(m[1]!, Number(m[2])); } }
const kindOf = new Map(ds.items.map((i) => [i.id, i.kind]));
const stats = new Map<string, { supplies: number; binding: number; months: number; bindMonths: number }>();
ds.supply.forEach((s, k) => {
  const kind = kindOf.get(s.item)!;
  const st = stats.get(kind) ?? { supplies: 0, binding: 0, months: 0, bindMonths: 0 };
  st.supplies++;
  let any = false;
  for (let t = 0; t < 60; t++) { const n = `x${k}_${t}`; const u = ub.get(n); if (u === undefined) continue; st.months++; if ((sol.get(n) ?? 0) >= u * (1 - 1e-6)) { st.bindMonths++; any = true; } }
  if (any) st.binding++;
  stats.set(kind, st);
});
console.log(stats);

import { writeFileSync } from "node:fs";
import { generateDataset, presets, buildPlanModel, planModelToLp, planModelSize, type PlanOptions } from "@paraat/core";
const endItems = Number(process.argv[2] ?? 16);
const ds = generateDataset({ ...presets.medium, endItems, sites: Math.max(12, Math.round(endItems * 0.7)) });
const variants = (process.argv[3] ?? "base").split(",");
const opts: PlanOptions = { weights: {} };
for (const variant of variants) {
  if (variant === "nocost") opts.weights!.costShare = 0;
  if (variant === "noearly") opts.weights!.earlyGap = 0;
  if (variant === "notargets") ds.targets = [];
  if (variant === "nodemands") ds.demands = [];
  if (variant === "nousage") ds.targets.forEach((t) => delete t.usagePerPeriod);
  if (variant === "samepriority") { ds.consumers.forEach((c) => (c.priority = 1)); ds.demands.forEach((d) => delete d.priority); }
  if (variant === "lowlevels") ds.targets.forEach((t) => (t.level = t.level / 20));
}
const m = buildPlanModel(ds, opts);
console.log(process.argv[3], planModelSize(m));
writeFileSync(`/tmp/pl/v${endItems}-${variants.join("_")}.lp`, planModelToLp(m));

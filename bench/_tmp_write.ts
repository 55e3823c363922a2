import { generateDataset, presets, buildPlanModel, planModelToLp } from "@paraat/core";
const ds = generateDataset(presets.medium);
const m = buildPlanModel(ds);
let t = performance.now();
for (let k = 0; k < 3; k++) { t = performance.now(); planModelToLp(m); console.log("write", (performance.now() - t).toFixed(0)); }

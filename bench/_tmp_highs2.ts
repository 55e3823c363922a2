import { readFileSync } from "node:fs";
import { loadHighsInstance } from "@paraat/solver";
const lp = readFileSync(process.argv[2]!, "utf8");
const opts = JSON.parse(process.argv[3] ?? "{}");
const h = await loadHighsInstance();
const t = performance.now();
const r = h.solve(lp, { output_flag: false, ...opts });
console.log(JSON.stringify(opts), r.Status, r.ObjectiveValue, (performance.now() - t).toFixed(0), "ms");

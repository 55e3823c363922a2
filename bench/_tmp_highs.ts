import { readFileSync } from "node:fs";
import { highsSolver } from "@paraat/solver";
const lp = readFileSync(process.argv[2]!, "utf8");
const t = performance.now();
const r = await highsSolver().solve(lp, { duals: true });
console.log(r.status, r.objective, (performance.now() - t).toFixed(0), "ms", r.message ?? "");

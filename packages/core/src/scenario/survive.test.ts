import { expect, it } from "vitest";
import { planAndCheck } from "../plan/test-support/run-plan.js";
import { tinyDataset } from "../plan/test-support/tiny-dataset.js";
import { timeToSurvive } from "./survive.js";

/**
 * Two tiers, worked by hand: a shell needs one unit of powder. Powder from site-p (100 a month, 150 in
 * the pool at the start), shells from site-s (100 a month); 300 shells are due in month 5, so six
 * months (0…5) of output count.
 * - site-s out for m months from month 0: 100·(6 − m) ≥ 300 shells ⇔ m ≤ 3.
 * - site-p out for m months: 150 + 100·(6 − m) ≥ 300 powder ⇔ m ≤ 4.5, so 4.
 * - both (the company, the country): the shell line binds first, 3.
 */
const d = tinyDataset({
  periods: 12,
  items: ["shell", "powder"],
  bom: [["shell", "powder", 1]],
  supply: [
    { id: "s", item: "shell", site: "site-s", capacity: [[0, 100]] },
    { id: "p", item: "powder", site: "site-p", capacity: [[0, 100]] },
  ],
  pool: { powder: 150 },
  demands: [{ id: "due-5", item: "shell", consumer: "nl", qty: 300, due: 5 }],
});
/** With a norm as well: the plan builds its stock from month 0, so any outage of the chain delays it. */
const withNorm = { ...d, targets: [{ id: "norm", item: "shell", consumer: "nl", level: 200, by: "2025-12" }] };

it("finds the time to survive of every node on a two-tier chain, as worked by hand, the soonest hurt first", async () => {
  const plan = (x: typeof d) => planAndCheck(x, { bottlenecks: 0, resolveTop: 0 });
  const r = await timeToSurvive(d, plan, { from: "2025-01" });
  const of = new Map(r.map((n) => [n.node, n]));
  expect(of.get("site-s")!.timeToSurvive).toBe(3);
  expect(of.get("site-p")!.timeToSurvive).toBe(4);
  expect(of.get("co")!.timeToSurvive).toBe(3);
  expect(of.get("NL")!.timeToSurvive).toBe(3);
  expect(r.at(-1)!.node).toBe("site-p");
  expect(r.every((n) => n.horizonMonths === 12)).toBe(true);
});

it("says how much later each target is met when a node is lost for good", async () => {
  const plan = (x: typeof d) => planAndCheck(x, { bottlenecks: 0, resolveTop: 0 });
  const [p] = await timeToSurvive(withNorm, plan, { from: "2025-01", node: "site-p" });
  // The base plan makes 100 shells a month from month 0; the 150 powder in the pool cover one month
  // of that without site-p, not two: time to survive 1. Lost for good, powder runs out after 150
  // shells, which go to the deliveries due first: the norm is never met.
  expect(p).toMatchObject({ timeToSurvive: 1, forGood: [{ target: "norm", met: false, monthsLater: null }] });
});

it("reports a node that hosts nothing as surviving the whole horizon when asked for it", async () => {
  const plan = (x: typeof d) => planAndCheck(x, { bottlenecks: 0, resolveTop: 0 });
  const withIdle = { ...d, sites: [...d.sites, { id: "idle", company: "co", country: "NL", name: "Idle" }] };
  const [idle] = await timeToSurvive(withIdle, plan, { from: "2025-03", node: "idle" });
  expect(idle).toMatchObject({ node: "idle", kind: "site", supplies: 0, timeToSurvive: 10, horizonMonths: 10 });
});

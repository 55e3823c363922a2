import { describe, expect, it } from "vitest";
import { ParaatError } from "../errors.js";
import type { Dataset } from "../model/schema.js";
import { spofImpact, type PlanOutcome } from "./impact.js";
import { withCountries } from "./test-fixtures.js";

const dataset = withCountries()
  .site("nl", "NL")
  .site("de", "DE")
  .site("cn", "CN")
  .item("E", 10, "end-item")
  .item("R", 1)
  .bom("E", "R", 1)
  .supply("E", "nl", 10)
  .supply("E", "de", 10)
  .supply("R", "cn", 10)
  .consumer("army", "NL")
  .target("norm", "E", "army", 50)
  .build();

/** A fake planner: without R's supply the norm is never met; without one E line it is met 4 months later. */
async function fakePlan(d: Dataset): Promise<PlanOutcome> {
  await Promise.resolve();
  const ids = new Set(d.supply.map((s) => s.id));
  if (!ids.has("R@cn")) return { targets: [{ id: "norm", met: false, metAt: null, gapAtBy: 50 }] };
  // Late: the level is reached after the target's month, so met is false but metAt is set.
  if (ids.size < 3) return { targets: [{ id: "norm", met: false, metAt: "2025-10", gapAtBy: 20 }] };
  return { targets: [{ id: "norm", met: true, metAt: "2025-06", gapAtBy: 0 }] };
}

describe("SPOF impact via a planner", () => {
  it("re-plans without the node and reports the target lost at its date and the months later", async () => {
    const slower = await spofImpact(dataset, { node: "de", nodeKind: "site" }, fakePlan);
    expect(slower.removed).toEqual(["E@de"]);
    expect(slower.targets).toEqual([
      {
        id: "norm",
        baseline: { id: "norm", met: true, metAt: "2025-06", gapAtBy: 0 },
        without: { id: "norm", met: false, metAt: "2025-10", gapAtBy: 20 },
        lostAtBy: 20,
        monthsLater: 4,
        lost: false,
      },
    ]);
    const baseline = await fakePlan(dataset);
    const lost = await spofImpact(dataset, { node: "CN", nodeKind: "country" }, fakePlan, { baseline });
    expect(lost.targets[0]).toMatchObject({ lostAtBy: 50, monthsLater: null, lost: true });
  });

  it("records a planner's typed failure instead of throwing", async () => {
    const failing = async (d: Dataset): Promise<PlanOutcome> => {
      if (d.supply.length < 3) throw new ParaatError("MODEL_INFEASIBLE", "no plan");
      return fakePlan(d);
    };
    const r = await spofImpact(dataset, { node: "nl", nodeKind: "site" }, failing);
    expect(r.error).toEqual({ code: "MODEL_INFEASIBLE", message: "no plan" });
    expect(r.targets[0]).toMatchObject({ without: null, lost: true, monthsLater: null });
  });
});

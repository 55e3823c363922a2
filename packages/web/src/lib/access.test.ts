import { describe, expect, it } from "vitest";
import { can, dataTabNeeds, visiblePages } from "./access.js";
import { pages } from "./route.js";

describe("access", () => {
  it("shows a viewer with read rights every page but not the import", () => {
    const viewer = ["dataset:read", "plan:read", "risk:read", "job:read"];
    expect(visiblePages(viewer, pages)).toEqual(["overview", "plan", "network", "risk", "data"]);
    expect(can(viewer, dataTabNeeds.import)).toBe(false);
    expect(can(viewer, dataTabNeeds.audit)).toBe(false);
  });

  it("hides the plan and risk pages from a role without those rights", () => {
    expect(visiblePages(["dataset:read"], pages)).toEqual(["overview", "network", "data"]);
    expect(visiblePages([], pages)).toEqual([]);
  });
});

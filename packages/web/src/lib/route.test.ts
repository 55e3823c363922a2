import { describe, expect, it } from "vitest";
import { formatRoute, parseRoute, type Route } from "./route.js";

describe("routes", () => {
  it("falls back to the overview for an empty or unknown hash", () => {
    expect(parseRoute("")).toEqual({ page: "overview" });
    expect(parseRoute("#/nowhere")).toEqual({ page: "overview" });
  });

  it("reads a plan subject and ignores an unknown subject kind", () => {
    expect(parseRoute("#/plan/target/nl-155-nato-norm")).toEqual({ page: "plan", subject: { kind: "target", id: "nl-155-nato-norm" } });
    expect(parseRoute("#/plan/widget/x")).toEqual({ page: "plan" });
  });

  it("round-trips ids with reserved characters", () => {
    const routes: Route[] = [
      { page: "risk", finding: "single-source:5.56mm/ball", query: { severity: "high", q: "cotton linters" } },
      { page: "network", item: "155mm-he-round" },
      { page: "data", tab: "edit", entity: "bom", key: "shell/tnt" },
      { page: "plan", subject: { kind: "bottleneck", id: "unterluess-155-lap" } },
      { page: "data", tab: "audit" },
    ];
    for (const r of routes) expect(parseRoute(formatRoute(r))).toEqual(r);
    expect(formatRoute(routes[0]!)).toBe("#/risk/single-source%3A5.56mm%2Fball?severity=high&q=cotton+linters");
  });

  it("leaves empty query values out", () => {
    expect(formatRoute({ page: "risk", query: { q: "", kind: "exposure" } })).toBe("#/risk?kind=exposure");
  });

  it("defaults the data page to import", () => {
    expect(parseRoute("#/data")).toEqual({ page: "data", tab: "import" });
  });
});

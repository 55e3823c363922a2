import { describe, expect, it } from "vitest";
import { ParaatError } from "../errors.js";
import { analyzeRisk } from "./analyze.js";
import { withCountries } from "./test-fixtures.js";

const dataset = withCountries()
  .site("cn", "CN")
  .item("E", 10, "end-item")
  .item("R", 1)
  .bom("E", "R", 2)
  .supply("E", "cn", 1)
  .supply("R", "cn", 1)
  .build();

describe("analyzeRisk", () => {
  it("runs only the methods asked for; the register needs them all", () => {
    const r = analyzeRisk(dataset, { only: ["spof"] });
    expect(r.spof.map((s) => `${s.nodeKind} ${s.node}`).sort()).toEqual(["company cn-co", "country CN", "site cn"]);
    expect(r.items[0]!.exposure.byBloc.concern).toBe(0);
    expect(r.items[0]!.hhiCountry).toBeNull();
    expect(r.register).toEqual([]);
    expect(r.notes[0]).toBe("Only spof were run.");
    const full = analyzeRisk(dataset);
    expect(full.items[0]!.exposure.byBloc.concern).toBe(1);
    expect(full.register.length).toBeGreaterThan(0);
  });

  it("leaves path texts and SPOF explanations empty when texts are off, figures unchanged", () => {
    const lean = analyzeRisk(dataset, { texts: false });
    const full = analyzeRisk(dataset);
    expect(lean.spof.map((s) => s.explanation)).toEqual(full.spof.map(() => ""));
    expect(lean.items[0]!.paths.map((p) => p.text)).toEqual(full.items[0]!.paths.map(() => ""));
    expect(full.items[0]!.paths[0]!.text).toBe("E: CN 100% of supply, 80% of value");
    const figures = (r: typeof full): unknown => r.items.map((i) => [i.exposure, i.paths.map((p) => [p.items, p.share])]);
    expect(figures(lean)).toEqual(figures(full));
  });

  it("refuses malformed options with INVALID_ARGUMENT", () => {
    const bad = [
      { topPaths: -1 },
      { maxPaths: 1.5 },
      { ownershipThresholds: [0.5, 0.25] },
      { ownershipThresholds: [] },
      { missingWgi: 11 },
      { autonomyThreshold: 2 },
      { only: ["exposure", "nonsense"] },
      { filter: { severity: "urgent" } },
    ];
    for (const options of bad) {
      const attempt = (): unknown => analyzeRisk(dataset, options as never);
      expect(attempt).toThrow(ParaatError);
      expect(attempt).toThrow(/^risk: /);
    }
  });

  it("reports a dataset whose references are broken instead of crashing", () => {
    const broken = { ...dataset, bom: [...dataset.bom, { parent: "E", child: "ghost", qty: 1 }] };
    expect(() => analyzeRisk(broken)).toThrow(/unknown item "ghost"/);
  });
});

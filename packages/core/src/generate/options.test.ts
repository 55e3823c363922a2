import { describe, expect, it } from "vitest";
import { ParaatError } from "../errors.js";
import {
  endItemsForItemCount,
  generatedItemCount,
  itemLayerSizes,
  layerKinds,
  presetItemGoals,
  presetNames,
  presets,
  resolveOptions,
} from "./options.js";

describe("layers and item counts", () => {
  it("lays out end items, component tiers, a material tier and raw materials", () => {
    expect(layerKinds(1)).toEqual(["end-item", "raw-material"]);
    expect(layerKinds(2)).toEqual(["end-item", "material", "raw-material"]);
    expect(layerKinds(3)).toEqual(["end-item", "component", "material", "raw-material"]);
    expect(layerKinds(5)).toEqual(["end-item", "component", "component", "component", "material", "raw-material"]);
  });

  it("sizes layers as 1 : 3 per component tier : 1.5 : 4·√endItems", () => {
    // 16 end items: 48 components, 24 materials, 4·4 = 16 raw materials.
    expect(itemLayerSizes(16, 3)).toEqual([16, 48, 24, 16]);
    expect(generatedItemCount({ endItems: 16, depth: 3 })).toBe(104);
    // 175 end items: 525, ceil(262.5) = 263, round(4·13.229) = 53.
    expect(itemLayerSizes(175, 3)).toEqual([175, 525, 263, 53]);
    // One end item directly on raw materials: 4·√1 = 4 of them.
    expect(itemLayerSizes(1, 1)).toEqual([1, 4]);
  });

  it("gives each preset its goal within 15%", () => {
    for (const name of presetNames) {
      const n = generatedItemCount(presets[name]);
      expect(Math.abs(n - presetItemGoals[name]) / presetItemGoals[name]).toBeLessThanOrEqual(0.15);
      expect(presets[name].periods).toBe(60);
    }
  });

  it("finds the end-item count for a wanted total", () => {
    expect(endItemsForItemCount(104, 3)).toBe(16);
    for (const [goal, depth] of [
      [100, 3],
      [1_000, 3],
      [10_000, 3],
      [5_000, 6],
      [10, 1],
    ] as const) {
      const e = endItemsForItemCount(goal, depth);
      const miss = (k: number): number => Math.abs(generatedItemCount({ endItems: k, depth }) - goal);
      // No neighbouring end-item count comes closer.
      expect(miss(e)).toBeLessThanOrEqual(miss(e + 1));
      if (e > 1) expect(miss(e)).toBeLessThanOrEqual(miss(e - 1));
    }
  });
});

describe("resolveOptions", () => {
  const ok = { endItems: 2, depth: 3, sites: 3, countries: 4, periods: 12, seed: 5 };

  it("fills the start month and a name", () => {
    expect(resolveOptions(ok)).toEqual({ ...ok, start: "2025-01", name: "synthetic-e2-d3-s5" });
  });

  it.each([
    ["endItems", 0],
    ["depth", 11],
    ["sites", 1.5],
    ["countries", 500],
    ["periods", 0],
    ["seed", Number.NaN],
    ["start", "2025-13"],
    ["name", ""],
  ] as const)("rejects %s = %s with INVALID_ARGUMENT naming the field", (field, value) => {
    let error: unknown;
    try {
      resolveOptions({ ...ok, [field]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ParaatError);
    expect((error as ParaatError).code).toBe("INVALID_ARGUMENT");
    expect((error as ParaatError).details).toMatchObject({ field });
  });
});

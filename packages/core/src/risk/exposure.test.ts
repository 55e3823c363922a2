import { describe, expect, it } from "vitest";
import { buildSupplyNetwork } from "../network/network.js";
import { analyzeRisk } from "./analyze.js";
import { valueSplit } from "./exposure.js";
import { withCountries } from "./test-fixtures.js";
import type { ItemRisk, RiskResult } from "./types.js";

/** A number within 10^-digits (expect.closeTo, typed for strict lint). */
const near = (value: number, digits: number): number => expect.closeTo(value, digits) as number;

function item(r: RiskResult, id: string): ItemRisk {
  const found = r.items.find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
}

describe("multi-tier exposure", () => {
  it("two tiers with split sources: own value added where the item is made, inputs by their sources' capacity share", () => {
    // shell 100 EUR made in NL; 2 × propellant at 20 EUR = 40 EUR of inputs, so 60% own value added.
    // Propellant: DE 6/month all year; CN 0 for six months then 8 → mean 4. Shares DE 0.6, CN 0.4.
    const d = withCountries()
      .site("nl1", "NL")
      .site("de1", "DE")
      .site("cn1", "CN")
      .item("shell", 100, "end-item")
      .item("propellant", 20)
      .bom("shell", "propellant", 2)
      .supply("shell", "nl1", 10)
      .supply("propellant", "de1", 6)
      .supply("propellant", "cn1", [
        ["2025-01", 0],
        ["2025-07", 8],
      ])
      .build();
    const r = analyzeRisk(d);
    const prop = item(r, "propellant");
    expect(prop.exposure.byCountry.DE).toBeCloseTo(0.6, 12);
    expect(prop.exposure.byCountry.CN).toBeCloseTo(0.4, 12);
    const shell = item(r, "shell");
    expect(shell.exposure.byCountry.NL).toBeCloseTo(0.6, 12);
    expect(shell.exposure.byCountry.DE).toBeCloseTo(0.24, 12);
    expect(shell.exposure.byCountry.CN).toBeCloseTo(0.16, 12);
    expect(shell.exposure.byBloc.eu).toBeCloseTo(0.84, 12);
    expect(shell.exposure.byBloc.concern).toBeCloseTo(0.16, 12);
    expect(shell.exposure.byBloc.nato + shell.exposure.byBloc.partner + shell.exposure.byBloc.other + shell.exposure.byBloc.unsourced).toBe(
      0,
    );
    expect(shell.autonomy).toEqual({ eu: shell.exposure.byBloc.eu, euNato: shell.exposure.byBloc.eu });
    const cn = shell.paths.find((p) => p.country === "CN")!;
    expect(cn.items).toEqual(["shell", "propellant"]);
    expect(cn.share).toBeCloseTo(0.16, 12);
    expect(cn.sourceShare).toBeCloseTo(0.4, 12);
    expect(cn.text).toBe("shell ← propellant: CN 40% of supply, 16% of value");
    // Paths come largest first.
    expect(shell.paths.map((p) => p.country)).toEqual(["NL", "DE", "CN"]);
  });

  it("a diamond BOM counts the shared part along both branches", () => {
    // A 100 (NL) needs B 30 (DE) and C 30 (FR); both need one D 10 (US).
    // B: 2/3 DE + 1/3 US; C: 2/3 FR + 1/3 US; A: 0.4 NL + 0.3·B + 0.3·C = NL .4, DE .2, FR .2, US .2.
    const d = withCountries()
      .site("nl", "NL")
      .site("de", "DE")
      .site("fr", "FR")
      .site("us", "US")
      .item("A", 100, "end-item")
      .item("B", 30)
      .item("C", 30)
      .item("D", 10)
      .bom("A", "B", 1)
      .bom("A", "C", 1)
      .bom("B", "D", 1)
      .bom("C", "D", 1)
      .supply("A", "nl", 1)
      .supply("B", "de", 1)
      .supply("C", "fr", 1)
      .supply("D", "us", 1)
      .build();
    const a = item(analyzeRisk(d), "A");
    expect(a.exposure.byCountry.NL).toBeCloseTo(0.4, 12);
    expect(a.exposure.byCountry.DE).toBeCloseTo(0.2, 12);
    expect(a.exposure.byCountry.FR).toBeCloseTo(0.2, 12);
    expect(a.exposure.byCountry.US).toBeCloseTo(0.2, 12);
    expect(a.exposure.byBloc.eu).toBeCloseTo(0.8, 12);
    expect(a.exposure.byBloc.nato).toBeCloseTo(0.2, 12);
    expect(a.autonomy.euNato).toBeCloseTo(1, 12);
    // The best US path is one of the two branches, each 10% of A's value.
    const us = a.paths.find((p) => p.country === "US")!;
    expect(us.share).toBeCloseTo(0.1, 12);
    expect([
      ["A", "B", "D"],
      ["A", "C", "D"],
    ]).toContainEqual(us.items);
  });

  it("items without supply count as unsourced; raw materials without supply use their EU sourcing shares", () => {
    // E 100 (NL) needs fuze 10 (no supply at all) and 2 × ore 5 (no supply; EU sourcing CN 0.75, DE 0.25
    // in processing, which wins over extraction). E: NL .8, unsourced .1, CN .075, DE .025.
    const stage = { globalSupply: { CN: 1 }, importReliance: 1, eolRir: 0, substitution: 1 };
    const d = withCountries()
      .site("nl", "NL")
      .item("E", 100, "end-item")
      .item("fuze", 10)
      .item("ore", 5, "raw-material")
      .bom("E", "fuze", 1)
      .bom("E", "ore", 2)
      .supply("E", "nl", 1)
      .material("ore", [
        { stage: "extraction", ...stage, euSourcing: { RU: 1 } },
        { stage: "processing", ...stage, euSourcing: { CN: 0.75, DE: 0.25 } },
      ])
      .build();
    const r = analyzeRisk(d);
    const e = item(r, "E");
    expect(e.exposure.byCountry).toEqual({ NL: near(0.8, 12), CN: near(0.075, 12), DE: near(0.025, 12) });
    expect(e.exposure.byBloc.unsourced).toBeCloseTo(0.1, 12);
    expect(e.exposure.byBloc.concern).toBeCloseTo(0.075, 12);
    expect(item(r, "fuze").sourcing).toBe("none");
    expect(item(r, "fuze").exposure.byBloc.unsourced).toBe(1);
    expect(item(r, "ore").sourcing).toBe("material");
    expect(e.paths.find((p) => p.country === "unsourced")?.text).toBe("E ← fuze: no supply, 10% of value");
  });

  it("value split: inputs worth more than the item take all of it; all-zero values split equally", () => {
    const d = withCountries()
      .item("P", 10)
      .item("Q", 0)
      .item("x", 8)
      .item("y", 0)
      .item("z", 0)
      .bom("P", "x", 2) // inputs 16 > 10: own 0, x 1
      .bom("Q", "y", 1) // all zero: own, y and z a third each
      .bom("Q", "z", 3)
      .build();
    const net = buildSupplyNetwork(d);
    const p = valueSplit(net, net.itemIndex.get("P")!);
    expect(p.own).toBe(0);
    expect(Array.from(p.lines)).toEqual([1]);
    const q = valueSplit(net, net.itemIndex.get("Q")!);
    expect(q.own).toBeCloseTo(1 / 3, 12);
    expect(Array.from(q.lines)).toEqual([1 / 3, 1 / 3]);
  });

  it("keeps the best path per country even when it is outside the top paths", () => {
    const d = withCountries()
      .site("nl", "NL")
      .site("de", "DE")
      .site("fr", "FR")
      .site("cn", "CN")
      .item("E", 100, "end-item")
      .item("big1", 30)
      .item("big2", 30)
      .item("tiny", 1)
      .bom("E", "big1", 1)
      .bom("E", "big2", 1)
      .bom("E", "tiny", 1)
      .supply("E", "nl", 1)
      .supply("big1", "de", 1)
      .supply("big2", "fr", 1)
      .supply("tiny", "cn", 1)
      .build();
    const e = item(analyzeRisk(d, { topPaths: 1 }), "E");
    expect(e.paths.map((p) => [p.country, p.items.join("/")])).toEqual([
      ["NL", "E"],
      ["DE", "E/big1"],
      ["FR", "E/big2"],
      ["CN", "E/tiny"],
    ]);
    expect(analyzeRisk(d, { maxPaths: 2 }).items[0]!.paths).toHaveLength(2);
  });
});

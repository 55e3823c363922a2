import { describe, expect, it } from "vitest";
import { analyzeRisk } from "./analyze.js";
import { withCountries } from "./test-fixtures.js";

function chain() {
  // E ← C1 ← M1 ← R1 (one site, in CN) and E ← C2 (two sites of one company Z); everything else has
  // two sites of two companies. A target on E uses 5 a month: R1 needs 5 · 1 · 2 · 3 = 30 a month and
  // its pool stock of 30 covers one month; C2 needs 5 a month and has no stock.
  return withCountries()
    .company("Z", "NL")
    .site("e-nl", "NL")
    .site("e-de", "DE")
    .site("c-nl", "NL")
    .site("c-fr", "FR")
    .site("m-de", "DE")
    .site("m-us", "US")
    .site("cn1", "CN", "K")
    .site("z-nl", "NL", "Z")
    .site("z-de", "DE", "Z")
    .item("E", 100, "end-item")
    .item("C1", 20)
    .item("C2", 20)
    .item("M1", 5)
    .item("R1", 1, "raw-material")
    .bom("E", "C1", 1)
    .bom("E", "C2", 1)
    .bom("C1", "M1", 2)
    .bom("M1", "R1", 3)
    .supply("E", "e-nl", 1)
    .supply("E", "e-de", 1)
    .supply("C1", "c-nl", 1)
    .supply("C1", "c-fr", 1)
    .supply("M1", "m-de", 1)
    .supply("M1", "m-us", 1)
    .supply("R1", "cn1", 1)
    .supply("C2", "z-nl", 1)
    .supply("C2", "z-de", 1)
    .stock("R1", 30)
    .consumer("army", "NL")
    .target("norm", "E", "army", 0, 5);
}

describe("structural single points of failure", () => {
  it("finds a single source three tiers down, with its site, company and country, path and stock cover", () => {
    const r = analyzeRisk(chain().build());
    const found = r.spof.map((s) => `${s.endItem} ${s.nodeKind} ${s.node}`).sort();
    expect(found).toEqual(["E company K", "E company Z", "E country CN", "E site cn1"]);
    const site = r.spof.find((s) => s.node === "cn1")!;
    expect(site.items).toEqual(["R1"]);
    expect(site.path).toEqual(["E", "C1", "M1", "R1"]);
    expect(site.targets).toEqual(["norm"]);
    expect(site.stockMonths).toBeCloseTo(1, 12);
    expect(site.explanation).toBe(
      "Losing site Site cn1 (Company K, CN) leaves R1 without any supply; E needs R1 via E ← C1 ← M1 ← R1. Pool stock covers 1 month.",
    );
    const z = r.spof.find((s) => s.node === "Z")!;
    expect(z.items).toEqual(["C2"]);
    expect(z.path).toEqual(["E", "C2"]);
    expect(z.stockMonths).toBe(0);
    const r1 = r.items.find((i) => i.id === "R1")!;
    expect(r1.monthlyRequirement).toBeCloseTo(30, 12);
    expect(r1.stockMonths).toBeCloseTo(1, 12);
  });

  it("an option without capacity in the horizon protects nothing; a second active source removes the SPOF", () => {
    const base = chain();
    const withDead = base.supply("R1", "m-de", 0).build();
    expect(analyzeRisk(withDead).spof.some((s) => s.node === "cn1")).toBe(true);
    const fixed = chain().supply("R1", "m-de", 1).build();
    const nodes = analyzeRisk(fixed).spof.map((s) => s.node);
    expect(nodes).not.toContain("cn1");
    expect(nodes).not.toContain("CN");
    expect(nodes).toEqual(["Z"]);
  });

  it("reports SPOFs per end item: a shared part counts for each end item that needs it", () => {
    const d = chain().item("F", 50, "end-item").bom("F", "M1", 1).site("f-nl", "NL").supply("F", "f-nl", 1).build();
    const r = analyzeRisk(d);
    const forF = r.spof.filter((s) => s.endItem === "F").map((s) => `${s.nodeKind} ${s.node}`);
    // F's own single site also counts: losing it leaves F itself without supply.
    expect(forF.sort()).toEqual(["company K", "company f-nl-co", "country CN", "country NL", "site cn1", "site f-nl"]);
    expect(r.spof.find((s) => s.endItem === "F" && s.node === "cn1")!.path).toEqual(["F", "M1", "R1"]);
    expect(r.spof.find((s) => s.endItem === "F" && s.node === "f-nl")!.explanation).toBe(
      "Losing site Site f-nl (Company f-nl-co, NL) leaves F without any supply.",
    );
  });
});

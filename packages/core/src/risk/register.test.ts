import { describe, expect, it } from "vitest";
import { analyzeRisk } from "./analyze.js";
import { filterRegister, severityOf } from "./register.js";
import { withCountries } from "./test-fixtures.js";

// E (100, NL+DE) ← C1 (20, NL+FR) ← 2 × M1 (5, DE+US) ← 3 × R1 (1, one site in CN), and E ← C2 (20, two
// sites of company Z in NL and DE). Target: 5 a month of E. Value split: E own .6, C1 .2, C2 .2;
// C1 own .5, M1 .5; M1 own .4, R1 .6 → CN share of E = .2 · .5 · .6 = .06.
const dataset = withCountries()
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
  .target("norm", "E", "army", 0, 5)
  .build();

describe("risk register", () => {
  const r = analyzeRisk(dataset);

  it("scores, explains and suggests a mitigation for each finding, sorted by severity", () => {
    expect(r.register.map((f) => [f.id, f.score, f.severity])).toEqual(
      [
        // 50 + 15 (one option) + 25 (sole country of concern); cover 1 month < 3: no reduction.
        ["single-source:R1", 90, "high"],
        // 50 + 10 (one company) — its two sites are in two countries.
        ["single-source:C2", 60, "medium"],
        // 40 + 100 · 0.06; the K company sits in CN without owners: 100% concern, the 50% band (90) + 5 as a supplier.
        ["exposure:E", 46, "medium"],
        ["foreign-influence:K", 95, "high"],
        // Two countries 50/50 is HHI 5,000, the "high" band, but only 20 + 20 · 2,500/7,500 ≈ 27: low.
        ["concentration:C1", 27, "low"],
        ["concentration:E", 27, "low"],
        ["concentration:M1", 27, "low"],
      ].sort((a, b) => (b[1] as number) - (a[1] as number)),
    );
    const r1 = r.register.find((f) => f.id === "single-source:R1")!;
    expect(r1.explanation).toBe(
      "R1 has one supply option, site Site cn1 (Company K, CN): its loss leaves R1 without supply. Needed by 1 end item (E), targets norm. Pool stock covers 1 month.",
    );
    // 12 months × 30 a month (5 · 1 · 2 · 3) = 360.
    expect(r1.mitigation).toBe(
      "Qualify a second source in the EU, or license production of R1 to an EU company. Hold a stockpile of 12 months of R1: 360 pcs at 30 a month (pool stock now covers 1 month).",
    );
    expect(r1.related).toEqual(["E", "norm", "cn1", "K", "CN"]);
    const e = r.register.find((f) => f.id === "exposure:E")!;
    expect(e.figure).toBeCloseTo(0.06, 12);
    expect(e.explanation).toBe(
      "6% of the value of E comes from countries of concern (CN 6%). Largest path: E ← C1 ← M1 ← R1: CN 100% of supply, 6% of value.",
    );
  });

  it("maps scores to severities and filters by kind, least severity and subject", () => {
    expect([severityOf(69), severityOf(70), severityOf(40), severityOf(39)]).toEqual(["medium", "high", "medium", "low"]);
    expect(filterRegister(r.register, { severity: "high" }).map((f) => f.id)).toEqual(["foreign-influence:K", "single-source:R1"]);
    expect(filterRegister(r.register, { kind: ["exposure"] }).map((f) => f.id)).toEqual(["exposure:E"]);
    // A subject matches the finding's own subject or any id it names.
    expect(filterRegister(r.register, { subject: "cn1" }).map((f) => f.id)).toEqual(["single-source:R1"]);
    expect(filterRegister(r.register, { subject: "norm" }).map((f) => f.id)).toEqual([
      "single-source:R1",
      "single-source:C2",
      "exposure:E",
      "concentration:C1",
      "concentration:E",
      "concentration:M1",
    ]);
    expect(analyzeRisk(dataset, { filter: { severity: "medium", kind: ["single-source"] } }).register.map((f) => f.id)).toEqual([
      "single-source:R1",
      "single-source:C2",
    ]);
  });

  it("reports unsourced parts, autonomy below the threshold, and critical materials with a stockpile size", () => {
    const stage = {
      stage: "processing",
      globalSupply: { CN: 1 },
      euSourcing: { CN: 0.9, DE: 0.1 },
      importReliance: 1,
      eolRir: 0,
      substitution: 1,
    } as const;
    const d = withCountries()
      .site("us", "US")
      .item("G", 10, "end-item")
      .item("gap", 2)
      .item("ore", 1, "raw-material")
      .bom("G", "gap", 1)
      .bom("G", "ore", 4)
      .supply("G", "us", 1)
      .material("ore", [stage], { economicImportance: 4 })
      .consumer("army", "NL")
      .demand("d1", "G", "army", 120)
      .build();
    const reg = analyzeRisk(d).register;
    expect(reg.find((f) => f.kind === "unsourced")!.subject).toBe("gap");
    // G: own (10 − 2 − 4)/10 = .4 US; gap .2 unsourced; ore .4 (CN .36, DE .04) → EU + NATO .44 < .5.
    const autonomy = reg.find((f) => f.kind === "autonomy")!;
    expect(autonomy.figure).toBeCloseTo(0.44, 12);
    expect(autonomy.score).toBe(Math.round(30 + (40 * (0.5 - 0.44)) / 0.5));
    // SR = (HHI_GS 6 · 0.5 + HHI_EU (0.81 · 6 + 0.01 · 0.8) · 0.5) = 5.434; critical. Demand 120 over 12 months
    // = 10 G a month → 40 ore a month → 480 for 12 months.
    const crm = reg.find((f) => f.kind === "critical-material")!;
    expect(crm.figure).toBeCloseTo(0.5 * 6 + 0.5 * (0.81 * 6 + 0.01 * 0.8), 12);
    expect(crm.mitigation).toContain("Hold a stockpile of 12 months of ore: 480 pcs at 40 a month (pool stock now covers 0 months).");
    expect(crm.explanation).toContain("Used by 1 end item (G) through G.");
  });
});

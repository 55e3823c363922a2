import { describe, expect, it } from "vitest";
import type { Finding } from "@paraat/core";
import { defaultRiskQuery, filterFindings, paramsToQuery, queryToParams, type RiskQuery } from "./risk-filter.js";

function f(id: string, kind: Finding["kind"], severity: Finding["severity"], score: number, figure: number, text = ""): Finding {
  return { id, kind, subject: id.split(":")[1]!, severity, score, figure, unit: "share", explanation: text, mitigation: "", related: [] };
}

const register = [
  f("exposure:shell", "exposure", "high", 80, 0.3, "China supplies cotton linters"),
  f("single-source:nc", "single-source", "medium", 55, 1),
  f("data-gap:wgi", "data-gap", "low", 10, 2),
  f("single-source:tnt", "single-source", "high", 75, 1),
];
const ids = (xs: Finding[]) => xs.map((x) => x.id);

describe("filterFindings", () => {
  it("sorts by score, highest first, by default", () => {
    expect(ids(filterFindings(register, defaultRiskQuery))).toEqual([
      "exposure:shell",
      "single-source:tnt",
      "single-source:nc",
      "data-gap:wgi",
    ]);
  });

  it("keeps kinds and a minimum severity", () => {
    const q: RiskQuery = { ...defaultRiskQuery, kinds: ["single-source"], severity: "high" };
    expect(ids(filterFindings(register, q))).toEqual(["single-source:tnt"]);
    expect(ids(filterFindings(register, { ...defaultRiskQuery, severity: "medium" }))).toHaveLength(3);
  });

  it("searches explanation text and subject names, ignoring case", () => {
    expect(ids(filterFindings(register, { ...defaultRiskQuery, text: "COTTON" }))).toEqual(["exposure:shell"]);
    const names = (id: string) => (id === "tnt" ? "Trinitrotoluene" : id);
    expect(ids(filterFindings(register, { ...defaultRiskQuery, text: "trinitro" }, names))).toEqual(["single-source:tnt"]);
  });

  it("sorts by figure ascending, ties broken by score", () => {
    const q: RiskQuery = { ...defaultRiskQuery, sort: "figure", descending: false };
    expect(ids(filterFindings(register, q))).toEqual(["exposure:shell", "single-source:tnt", "single-source:nc", "data-gap:wgi"]);
  });
});

describe("query in the URL", () => {
  it("round-trips and drops unknown values", () => {
    const q: RiskQuery = { kinds: ["exposure", "autonomy"], severity: "medium", text: "cotton", sort: "kind", descending: false };
    expect(paramsToQuery(queryToParams(q))).toEqual(q);
    expect(queryToParams(defaultRiskQuery)).toEqual({});
    expect(paramsToQuery({ kind: "exposure,bogus", severity: "extreme", sort: "nonsense:asc" })).toEqual({
      kinds: ["exposure"],
      severity: null,
      text: "",
      sort: "score",
      descending: false,
    });
  });
});

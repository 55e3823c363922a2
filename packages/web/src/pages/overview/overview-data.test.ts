import { describe, expect, it } from "vitest";
import type { DemandResult, Finding, TargetResult } from "@paraat/core";
import { demandRows, demandStatus, statusCounts, targetRows, targetStatus, topRisks } from "./overview-data.js";

function target(id: string, by: string, met: boolean, metAt: string | null, monthsLate: number | null): TargetResult {
  return {
    id,
    item: "i",
    consumer: "c",
    level: 10,
    by,
    met,
    metAt,
    gapAtBy: met ? 0 : 4,
    monthsLate,
    unmetUsage: 0,
    stock: [],
    explanation: null,
  };
}

function demand(id: string, due: string, qty: number, late: number, short: number, monthsLate: number): DemandResult {
  return {
    id,
    item: "i",
    consumer: "c",
    qty,
    due,
    priority: 1,
    onTime: qty - late - short,
    late,
    short,
    lastDelivery: null,
    monthsLate,
    explanation: null,
  };
}

describe("targets", () => {
  it("classifies met, late and never met", () => {
    expect(targetStatus({ met: true, metAt: "2025-01" })).toBe("met");
    expect(targetStatus({ met: false, metAt: "2026-01" })).toBe("late");
    expect(targetStatus({ met: false, metAt: null })).toBe("never");
  });

  it("lists never-met first, then the latest, then met ones", () => {
    const rows = targetRows([
      target("ok", "2029-06", true, "2028-01", 0),
      target("late2", "2029-06", false, "2029-08", 2),
      target("never", "2029-06", false, null, null),
      target("late7", "2029-06", false, "2030-01", 7),
    ]);
    expect(rows.map((r) => r.id)).toEqual(["never", "late7", "late2", "ok"]);
    expect(rows[1]!.status).toBe("late");
  });
});

describe("demands", () => {
  it("calls a demand short when anything stays undelivered, late when anything comes after its due month", () => {
    expect(demandStatus({ qty: 100, late: 0, short: 1 })).toBe("short");
    expect(demandStatus({ qty: 100, late: 30, short: 1 })).toBe("short");
    expect(demandStatus({ qty: 100, late: 30, short: 0 })).toBe("late");
    expect(demandStatus({ qty: 100, late: 0, short: 0 })).toBe("on-time");
  });

  it("ignores solver noise far below the demanded quantity", () => {
    expect(demandStatus({ qty: 5000, late: 1e-9, short: 1e-8 })).toBe("on-time");
  });

  it("sorts short, then late by months late, then on time, and counts each status", () => {
    const rows = demandRows([
      demand("on", "2025-01", 10, 0, 0, 0),
      demand("late1", "2025-03", 10, 5, 0, 1),
      demand("short", "2025-06", 10, 0, 10, 0),
      demand("late4", "2025-02", 10, 5, 0, 4),
    ]);
    expect(rows.map((r) => r.id)).toEqual(["short", "late4", "late1", "on"]);
    expect(statusCounts(rows)).toEqual({ short: 1, late: 2, "on-time": 1 });
  });
});

describe("topRisks", () => {
  it("takes the highest scores, ties by id", () => {
    const f = (id: string, score: number): Finding => ({
      id,
      kind: "exposure",
      subject: id,
      severity: "low",
      score,
      figure: 0,
      unit: "share",
      explanation: "",
      mitigation: "",
      related: [],
    });
    expect(topRisks([f("a", 10), f("c", 90), f("b", 90), f("d", 50)], 3).map((x) => x.id)).toEqual(["b", "c", "d"]);
  });
});

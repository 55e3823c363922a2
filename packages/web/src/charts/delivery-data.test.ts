import { describe, expect, it } from "vitest";
import type { PlanDelivery, PlanResult } from "@paraat/core";
import { demandSeries, targetSeries } from "./delivery-data.js";

const horizon = { start: "2025-01", periods: 4, end: "2025-04" };

function demand(id: string, consumer: string, item: string, qty: number, due: string): PlanResult["demands"][number] {
  return { id, item, consumer, qty, due, priority: 1, onTime: 0, late: 0, short: 0, lastDelivery: null, monthsLate: 0, explanation: null };
}

describe("demandSeries", () => {
  const demands = [
    demand("a", "nl", "shell", 10, "2025-02"),
    demand("b", "nl", "shell", 5, "2025-04"),
    demand("c", "ua", "shell", 99, "2025-01"),
  ];
  const deliveries: PlanDelivery[] = [
    { demand: "a", item: "shell", consumer: "nl", period: "2025-02", qty: 4 },
    { demand: "a", item: "shell", consumer: "nl", period: "2025-03", qty: 6 },
    { demand: "b", item: "shell", consumer: "nl", period: "2025-04", qty: 2 },
    { demand: "c", item: "shell", consumer: "ua", period: "2025-01", qty: 99 },
    { target: "t", item: "shell", consumer: "nl", period: "2025-01", qty: 50 },
  ];

  it("cumulates what is due and what is delivered for one consumer and item only", () => {
    const s = demandSeries({ horizon, demands, deliveries }, "nl", "shell");
    expect(s.months).toEqual(["2025-01", "2025-02", "2025-03", "2025-04"]);
    // a (10) due Feb, b (5) due Apr.
    expect(s.need).toEqual([0, 10, 10, 15]);
    // 4 in Feb, 6 in Mar, 2 in Apr; the target delivery and Ukraine's are not counted.
    expect(s.delivered).toEqual([0, 4, 10, 12]);
    expect(s.dues.map((d) => d.id)).toEqual(["a", "b"]);
  });

  it("counts a demand due before the horizon in its first month", () => {
    const s = demandSeries({ horizon, demands: [demand("x", "nl", "shell", 3, "2024-11")], deliveries: [] }, "nl", "shell");
    expect(s.need).toEqual([3, 3, 3, 3]);
  });
});

describe("targetSeries", () => {
  const target = { item: "shell", consumer: "nl", level: 20, by: "2025-03", metAt: "2025-04", stock: [2, 7, 4, 21] };
  const deliveries: PlanDelivery[] = [
    { target: "t", item: "shell", consumer: "nl", period: "2025-02", qty: 8 },
    { target: "t", item: "shell", consumer: "nl", period: "2025-04", qty: 20 },
    { demand: "a", item: "shell", consumer: "nl", period: "2025-02", qty: 100 },
  ];

  it("draws the planner's own stock series and cumulates the deliveries into it", () => {
    const s = targetSeries({ horizon, deliveries }, target);
    expect(s.stock).toEqual([2, 7, 4, 21]);
    expect(s.delivered).toEqual([0, 8, 8, 28]);
    expect(s.months).toEqual(["2025-01", "2025-02", "2025-03", "2025-04"]);
  });
});

import { describe, expect, it } from "vitest";
import { demandChartOption, targetChartOption, type ChartText } from "./delivery-chart.js";

const text: ChartText = {
  month: (m) => `M${m}`,
  num: String,
  need: "need",
  delivered: "delivered",
  stock: "stock",
  level: "level",
  due: "due",
  metAt: "met",
};

interface Series {
  name: string;
  data: number[];
  markLine?: { data: { xAxis: string; name: string }[] };
}
const seriesOf = (o: unknown) => (o as { series: Series[] }).series;

describe("delivery chart options", () => {
  const months = ["2025-01", "2025-02", "2025-03"];

  it("draws a target's stock with its level across the horizon and marks its date and the month it is met", () => {
    const o = targetChartOption({ months, stock: [1, 2, 9], delivered: [0, 1, 8], level: 5, by: "2025-02", metAt: "2025-03" }, text);
    const [stock, level] = seriesOf(o);
    expect(level!.data).toEqual([5, 5, 5]);
    expect(stock!.markLine!.data.map((m) => [m.xAxis, m.name])).toEqual([
      ["2025-02", "due M2025-02"],
      ["2025-03", "met M2025-03"],
    ]);
  });

  it("does not mark the met month when it is the date itself or never", () => {
    const on = targetChartOption({ months, stock: [5, 5, 5], delivered: [0, 0, 0], level: 5, by: "2025-02", metAt: "2025-02" }, text);
    expect(seriesOf(on)[0]!.markLine!.data).toHaveLength(1);
    const never = targetChartOption({ months, stock: [0, 0, 0], delivered: [0, 0, 0], level: 5, by: "2025-02", metAt: null }, text);
    expect(seriesOf(never)[0]!.markLine!.data).toHaveLength(1);
  });

  it("marks the chosen demand's due month only when it is on the axis", () => {
    const s = { months, need: [0, 4, 4], delivered: [0, 1, 4], dues: [] };
    expect(seriesOf(demandChartOption(s, text, "2025-02"))[0]!.markLine!.data.map((m) => m.xAxis)).toEqual(["2025-02"]);
    expect(seriesOf(demandChartOption(s, text, "2031-01"))[0]!.markLine!.data).toEqual([]);
  });
});

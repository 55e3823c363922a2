/**
 * ECharts options for the plan page's charts, built from the chart data. Pure: labels and number
 * formatting come in as parameters so the option does not depend on the app's state.
 */
import type { EChartsCoreOption } from "echarts/core";
import type { DemandSeries, TargetSeries } from "./delivery-data.js";

export interface ChartText {
  month: (m: string) => string;
  num: (n: number) => string;
  need: string;
  delivered: string;
  stock: string;
  level: string;
  due: string;
  metAt: string;
}

/** The page's own font stack, so chart text matches the tables around it. */
export const chartFont = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

const palette = { need: "#6b7280", delivered: "#1d4e89", stock: "#1d4e89", level: "#b42318", met: "#2a8c82" };

function base(months: string[], text: ChartText): EChartsCoreOption {
  return {
    animation: false,
    aria: { enabled: true },
    textStyle: { fontFamily: chartFont },
    grid: { left: 64, right: 32, top: 64, bottom: 40 },
    legend: { top: 0, left: 0, itemGap: 20, textStyle: { fontSize: 13 } },
    tooltip: {
      trigger: "axis",
      valueFormatter: (v: unknown) => (typeof v === "number" ? text.num(v) : String(v)),
    },
    xAxis: {
      type: "category",
      data: months,
      boundaryGap: false,
      axisLabel: { formatter: (m: string) => text.month(m), hideOverlap: true },
    },
    yAxis: { type: "value", axisLabel: { formatter: (v: number) => text.num(v) }, splitLine: { lineStyle: { color: "#e5e7eb" } } },
  };
}

const markLabel = { formatter: "{b}", position: "end", fontSize: 12, color: "#344054" } as const;

/** Cumulative need as a step line, cumulative deliveries as a line; the chosen demand's due month marked. */
export function demandChartOption(s: DemandSeries, text: ChartText, due?: string): EChartsCoreOption {
  const marks =
    due && s.months.includes(due)
      ? [{ xAxis: due, name: `${text.due} ${text.month(due)}`, lineStyle: { color: palette.level, type: "dashed" as const } }]
      : [];
  return {
    ...base(s.months, text),
    series: [
      {
        name: text.need,
        type: "line",
        step: "end",
        data: s.need,
        symbol: "none",
        lineStyle: { color: palette.need, type: "dashed", width: 2 },
        itemStyle: { color: palette.need },
        markLine: { symbol: "none", silent: true, label: markLabel, data: marks },
      },
      {
        name: text.delivered,
        type: "line",
        data: s.delivered,
        symbol: "none",
        lineStyle: { color: palette.delivered, width: 2.5 },
        itemStyle: { color: palette.delivered },
        areaStyle: { color: "rgba(29, 78, 137, 0.08)" },
      },
    ],
  };
}

/** The consumer's stock against the target level, with the target's date and the month it is met. */
export function targetChartOption(s: TargetSeries, text: ChartText): EChartsCoreOption {
  const marks: { xAxis: string; name: string; lineStyle: { color: string; type: "solid" | "dashed" } }[] = [
    { xAxis: s.by, name: `${text.due} ${text.month(s.by)}`, lineStyle: { color: palette.level, type: "dashed" } },
  ];
  if (s.metAt && s.metAt !== s.by && s.months.includes(s.metAt))
    marks.push({ xAxis: s.metAt, name: `${text.metAt} ${text.month(s.metAt)}`, lineStyle: { color: palette.met, type: "solid" } });
  return {
    ...base(s.months, text),
    series: [
      {
        name: text.stock,
        type: "line",
        data: s.stock,
        symbol: "none",
        lineStyle: { color: palette.stock, width: 2.5 },
        itemStyle: { color: palette.stock },
        areaStyle: { color: "rgba(29, 78, 137, 0.08)" },
        markLine: {
          symbol: "none",
          silent: true,
          label: markLabel,
          data: marks,
        },
      },
      {
        name: text.level,
        type: "line",
        data: s.months.map(() => s.level),
        symbol: "none",
        lineStyle: { color: palette.level, width: 1.5, type: "dashed" },
        itemStyle: { color: palette.level },
      },
      {
        name: text.delivered,
        type: "line",
        data: s.delivered,
        symbol: "none",
        lineStyle: { color: palette.need, width: 1.5 },
        itemStyle: { color: palette.need },
      },
    ],
  };
}

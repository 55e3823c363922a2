/** ECharts options for the network page: value shares as horizontal bars in bloc colours. Pure. */
import type { EChartsCoreOption } from "echarts/core";
import { chartFont } from "./delivery-chart.js";
import type { Bar } from "./exposure-data.js";

export function shareBarsOption(bars: readonly Bar[], label: (key: string) => string, pct: (f: number) => string): EChartsCoreOption {
  const rows = [...bars].reverse(); // ECharts draws the first category at the bottom.
  return {
    animation: false,
    aria: { enabled: true },
    textStyle: { fontFamily: chartFont },
    grid: { left: 8, right: 56, top: 4, bottom: 4, containLabel: true },
    tooltip: { trigger: "item", valueFormatter: (v: unknown) => (typeof v === "number" ? pct(v) : String(v)) },
    xAxis: { type: "value", max: 1, show: false },
    yAxis: {
      type: "category",
      data: rows.map((b) => label(b.key)),
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: { fontSize: 12 },
    },
    series: [
      {
        type: "bar",
        barMaxWidth: 18,
        data: rows.map((b) => ({ value: b.value, itemStyle: { color: b.colour } })),
        label: { show: true, position: "right", formatter: (p: { value: number }) => pct(p.value), fontSize: 12 },
      },
    ],
  };
}

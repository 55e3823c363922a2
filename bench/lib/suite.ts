/** A benchmark suite prints one or more tables; run.ts collects and prints them. */
export interface BenchTable {
  title: string;
  columns: string[];
  rows: (string | number)[][];
  notes?: string[];
}

export interface BenchSuite {
  name: string;
  description: string;
  run(): Promise<BenchTable[]>;
}

export function formatBenchTable(t: BenchTable): string {
  const cells = t.rows.map((r) => r.map((v) => (typeof v === "number" ? fmt(v) : v)));
  const widths = t.columns.map((c, i) => Math.max(c.length, ...cells.map((r) => (r[i] ?? "").length)));
  const line = (vals: string[]): string => `| ${vals.map((v, i) => v.padEnd(widths[i]!)).join(" | ")} |`;
  return [
    `### ${t.title}`,
    "",
    line(t.columns),
    `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`,
    ...cells.map(line),
    ...(t.notes && t.notes.length > 0 ? ["", ...t.notes] : []),
  ].join("\n");
}

function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Number.isInteger(v)) return String(v);
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2);
}

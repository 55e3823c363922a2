/** One output module for every command: --format json|table|csv. */
export const formats = ["json", "table", "csv"] as const;
export type Format = (typeof formats)[number];

export interface Column {
  key: string;
  label: string;
  align?: "left" | "right";
}

export interface Table {
  title?: string;
  columns: Column[];
  rows: Record<string, unknown>[];
}

/** What a command returns: the full result for json, and tables for people and spreadsheets. */
export interface CommandResult {
  json: unknown;
  tables: Table[];
  /** Lines printed after the tables in table format (explanations, hints). */
  notes?: string[];
}

function cell(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : String(Math.round(v * 1000) / 1000);
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "yes" : "no";
  return JSON.stringify(v);
}

function csvCell(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function renderTable(t: Table): string {
  const cells = t.rows.map((r) => t.columns.map((c) => cell(r[c.key])));
  const widths = t.columns.map((c, i) => Math.max(c.label.length, ...cells.map((row) => row[i]!.length)));
  const line = (values: string[]): string =>
    values
      .map((v, i) => (t.columns[i]!.align === "right" ? v.padStart(widths[i]!) : v.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  const out: string[] = [];
  if (t.title) out.push(t.title);
  out.push(line(t.columns.map((c) => c.label)));
  out.push(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of cells) out.push(line(row));
  if (t.rows.length === 0) out.push("(none)");
  return out.join("\n");
}

export function renderCsv(t: Table): string {
  const lines = [t.columns.map((c) => csvCell(c.key)).join(",")];
  for (const r of t.rows) lines.push(t.columns.map((c) => csvCell(cell(r[c.key]))).join(","));
  return lines.join("\n");
}

export function render(format: Format, result: CommandResult): string {
  switch (format) {
    case "json":
      return JSON.stringify(result.json, null, 2);
    case "csv":
      // Several tables are separated by a blank line; a spreadsheet user usually asks for one.
      return result.tables.map(renderCsv).join("\n\n");
    case "table":
      return [...result.tables.map(renderTable), ...(result.notes ?? [])].join("\n\n");
  }
}

import type { EntityName } from "./schema.js";

/** Where an issue sits in a file, filled in by importers. Rows are 1-based as a spreadsheet shows them. */
export interface IssueLocation {
  file?: string;
  sheet?: string;
  row?: number;
  column?: string;
  /** Field path inside a JSON file, e.g. "supply[3].capacity[1].perPeriod". */
  path?: string;
}

/** One thing wrong with a dataset, precise enough to fix without guessing. */
export interface ValidationIssue {
  entity: EntityName | "dataset";
  /** 0-based position in the entity's collection. */
  index?: number;
  /** The row's key, when it has one. */
  id?: string;
  /** Path of the field within the row, e.g. "capacity[1].perPeriod". */
  field: string;
  value?: unknown;
  expected: string;
  message: string;
  location?: IssueLocation;
}

export function formatValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (typeof value === "string") return JSON.stringify(value);
  try {
    const s = JSON.stringify(value);
    return s.length > 80 ? `${s.slice(0, 77)}...` : s;
  } catch {
    return typeof value === "bigint" ? value.toString() : "(unprintable value)";
  }
}

/** A one-line human description: where, what was found, what is expected. */
export function formatIssue(issue: ValidationIssue): string {
  const where: string[] = [];
  const loc = issue.location;
  if (loc?.file) where.push(loc.file);
  if (loc?.sheet) where.push(`sheet ${loc.sheet}`);
  if (loc?.row !== undefined) where.push(`row ${loc.row}`);
  if (loc?.column) where.push(`column ${loc.column}`);
  if (loc?.path) where.push(`at ${loc.path}`);
  const subject =
    issue.entity === "dataset"
      ? "dataset"
      : `${issue.entity}${issue.id ? ` "${issue.id}"` : issue.index !== undefined ? ` #${issue.index + 1}` : ""}`;
  const prefix = where.length > 0 ? `${where.join(", ")}: ` : "";
  return `${prefix}${subject} ${issue.field}: ${issue.message} (found ${formatValue(issue.value)}, expected ${issue.expected})`;
}

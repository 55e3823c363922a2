/**
 * Canonical JSON: keys in schema order, 2-space indent, trailing newline. Export → import →
 * export is byte-identical because the order comes from the schema, not from the input.
 */
import { ParaatError, validateDataset, type ValidationIssue } from "@paraat/core";
import type { Dataset } from "@paraat/core";
import { canonicalDataset } from "./canonical.js";
import { jsonErrorOffset, lineAndColumn } from "./json-error.js";
import type { ImportResult, LocatedIssue } from "./types.js";

export function datasetToJson(dataset: Dataset): string {
  return `${JSON.stringify(canonicalDataset(dataset), null, 2)}\n`;
}

/** Where an issue sits in the JSON document, e.g. "supply[3].capacity[1].perPeriod". */
export function jsonPathOf(issue: ValidationIssue): string {
  if (issue.entity === "dataset") return issue.field === "(root)" ? "" : issue.field;
  if (issue.index === undefined) return issue.entity;
  const row = `${issue.entity}[${issue.index}]`;
  if (issue.field === "(row)") return row;
  // Compound keys ("parent/child") point at the row's first key field.
  const field = issue.field.includes("/") && !issue.field.includes(".") ? issue.field.split("/")[0]! : issue.field;
  return field.startsWith("[") ? `${row}${field}` : `${row}.${field}`;
}

/** Parses JSON text, then validates it. Syntax errors are IMPORT_FAILED (the file cannot be read at all). */
export function parseDatasetJson(text: string, file: string, options: { name?: string } = {}): ImportResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const offset = jsonErrorOffset(body);
    const at = offset === undefined ? undefined : lineAndColumn(body, offset);
    const where = at ? ` at line ${at.line}, column ${at.column}` : "";
    throw new ParaatError("IMPORT_FAILED", `${file} is not valid JSON${where}: ${message}`, { details: { file }, cause: e });
  }
  if (options.name !== undefined && typeof raw === "object" && raw !== null && !Array.isArray(raw)) raw = { ...raw, name: options.name };
  const result = validateDataset(raw);
  if (result.ok) return result;
  const issues: LocatedIssue[] = result.issues.map((issue) => {
    // Validation says "duplicate of row #3"; in a JSON file the path of that row says more.
    const dup = /^duplicate of row #(\d+)$/.exec(issue.message);
    const message = dup && issue.entity !== "dataset" ? `duplicate of ${issue.entity}[${Number(dup[1]) - 1}]` : issue.message;
    return { ...issue, message, location: { file, path: jsonPathOf(issue) } };
  });
  return { ok: false, issues };
}

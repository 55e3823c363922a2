/**
 * Converts entity objects to column values and back. Absent optional fields are NULL and come
 * back absent (not null), so a loaded dataset deep-equals the saved one and exports byte-stable.
 */
import type { Dialect } from "../store.js";
import type { DbRow } from "./database.js";
import type { ColumnSpec } from "./entity-tables.js";

/** Column values of one entity in the order of `columns`. */
export function encodeRow(columns: readonly ColumnSpec[], row: object, dialect: Dialect): unknown[] {
  const r = row as Record<string, unknown>;
  return columns.map((c) => encodeValue(c, r[c.field], dialect));
}

function encodeValue(c: ColumnSpec, v: unknown, dialect: Dialect): unknown {
  if (v === undefined || v === null) return null;
  switch (c.type) {
    case "json":
      return JSON.stringify(v);
    case "bool":
      // better-sqlite3 cannot bind booleans; PostgreSQL columns are real booleans.
      return dialect === "sqlite" ? (v === true ? 1 : 0) : v === true;
    case "text":
    case "real":
    case "int":
      return v;
  }
}

/** The entity object of one table row, keys in column (model) order, absent where NULL. */
export function decodeRow(columns: readonly ColumnSpec[], row: DbRow): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of columns) {
    const v = row[c.column];
    if (v === null || v === undefined) continue;
    out[c.field] = decodeValue(c, v);
  }
  return out;
}

function decodeValue(c: ColumnSpec, v: unknown): unknown {
  switch (c.type) {
    case "json":
      return JSON.parse(String(v)) as unknown;
    case "bool":
      return v === true || v === 1;
    case "real":
    case "int":
      // Drivers return numbers (the PostgreSQL pool parses int8 too); Number() is a safety net.
      return typeof v === "number" ? v : Number(v);
    case "text":
      return String(v);
  }
}

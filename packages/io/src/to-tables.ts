/** A dataset as tables of cells: the `dataset` header table, then one table per collection. */
import { entityNames, type Dataset, type EntityName } from "@paraat/core";
import type { CellOut } from "./codecs.js";
import { DATASET_TABLE, datasetColumns, entityColumns, type Column } from "./columns.js";

export interface OutTable {
  name: typeof DATASET_TABLE | EntityName;
  columns: readonly Column[];
  rows: CellOut[][];
}

/** Reads a possibly dotted field ("horizon.start"). */
export function getField(obj: unknown, path: string): unknown {
  let v: unknown = obj;
  for (const key of path.split(".")) v = typeof v === "object" && v !== null ? (v as Record<string, unknown>)[key] : undefined;
  return v;
}

const cell = (column: Column, value: unknown): CellOut => (value === undefined ? undefined : column.codec.format(value));

export function datasetToTables(dataset: Dataset): OutTable[] {
  const tables: OutTable[] = [
    { name: DATASET_TABLE, columns: datasetColumns, rows: [datasetColumns.map((c) => cell(c, getField(dataset, c.field)))] },
  ];
  for (const name of entityNames) {
    const columns = entityColumns[name];
    const rows =
      name === "materials"
        ? dataset.materials.flatMap((m) =>
            m.stages.map((stage) => columns.map((c) => cell(c, getField(c.level === "stage" ? stage : m, c.field)))),
          )
        : (dataset[name] as object[]).map((row) => columns.map((c) => cell(c, getField(row, c.field))));
    tables.push({ name, columns, rows });
  }
  return tables;
}

/**
 * Tables (workbook sheets or CSV files) → raw dataset → `validateDataset`, with every problem placed
 * on its file, sheet, row and column. Cell problems (text in a number column, a malformed capacity
 * cell) and validation problems of all other cells are reported together.
 */
import { ParaatError, entityKeys, entityNames, validateDataset, type EntityName, type ValidationIssue } from "@paraat/core";
import type { CellIn, Codec } from "./codecs.js";
import { DATASET_TABLE, columnLetter, datasetColumns, entityColumns, type Column } from "./columns.js";
import type { ImportResult, LocatedIssue } from "./types.js";

export interface TableRow {
  /** Row number as the spreadsheet shows it (the header is row 1). */
  row: number;
  /** Cells by column position; undefined or "" is empty. */
  cells: (CellIn | undefined)[];
}

export interface Table {
  /** Sheet name, or the CSV file name without ".csv". */
  name: string;
  /** The workbook, or this table's CSV file. */
  file: string;
  header: string[];
  rows: TableRow[];
}

export interface TableSource {
  /** How a table is called in messages: "sheet" (workbook) or "file" (CSV folder). */
  unit: "sheet" | "file";
  /** The file holding the table of that name, or where it would be. */
  fileOf(table: string): string;
  /** Tables that may be present and are ignored (a README sheet). */
  ignored?: (table: string) => boolean;
}

type Row = Record<string, unknown>;
type Entity = EntityName | "dataset";

const TABLE_ORDER: string[] = [DATASET_TABLE, ...entityNames];
const isEntity = (name: string): name is EntityName => (entityNames as readonly string[]).includes(name);

function isEmpty(cell: CellIn | undefined, codec?: Codec): boolean {
  if (cell === undefined || cell === "") return true;
  return typeof cell === "string" && (codec === undefined || codec.blankIsEmpty) && cell.trim() === "";
}

function setField(obj: Row, path: string, value: unknown): void {
  const keys = path.split(".");
  let target = obj;
  for (const key of keys.slice(0, -1)) target = (target[key] ??= {}) as Row;
  target[keys[keys.length - 1]!] = value;
}

/** A table bound to its column mapping: where each known header sits. */
interface Bound {
  table: Table;
  specs: readonly Column[];
  at: Map<string, number>;
}

interface Pending {
  issue: LocatedIssue;
  order: [number, number, number];
}

class Collector {
  readonly pending: Pending[] = [];
  /** Cells that already have a parse problem: validation issues there would only repeat it. */
  readonly parsedBad = new Set<string>();
  /** Required columns that are missing: reported once on the header, not on every row. */
  readonly missing = new Set<string>();
  readonly bound = new Map<string, Bound>();

  constructor(readonly source: TableSource) {}

  label(table: string, header: string): { column: string; index: number } {
    const index = this.bound.get(table)?.at.get(header);
    return index === undefined
      ? { column: `${header} (missing)`, index: Number.MAX_SAFE_INTEGER }
      : { column: `${header} (${columnLetter(index)})`, index };
  }

  add(table: string, row: number, column: { column: string; index: number }, issue: Omit<ValidationIssue, "location">): void {
    const rank = TABLE_ORDER.indexOf(table);
    this.pending.push({
      issue: { ...issue, location: { file: this.source.fileOf(table), sheet: table, row, column: column.column } },
      order: [rank < 0 ? TABLE_ORDER.length : rank, row, column.index],
    });
  }

  sorted(): LocatedIssue[] {
    return this.pending
      .map((p, i) => ({ ...p, i }))
      .sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1] || a.order[2] - b.order[2] || a.i - b.i)
      .map((p) => p.issue);
  }
}

function bind(c: Collector, table: Table, specs: readonly Column[]): Bound {
  const at = new Map<string, number>();
  const known = new Set(specs.map((s) => s.header));
  const entity: Entity = isEntity(table.name) ? table.name : "dataset";
  const headerIssue = (index: number, field: string, message: string, expected: string, value?: unknown): void =>
    c.add(
      table.name,
      1,
      { column: `${field || "(no header)"} (${columnLetter(index)})`, index },
      { entity, field: field || "(header)", value, expected, message },
    );
  table.header.forEach((raw, i) => {
    const name = raw.trim();
    if (name === "") {
      if (table.rows.some((r) => !isEmpty(r.cells[i])))
        headerIssue(i, "", "values in a column without a header", "a header naming the field");
    } else if (!known.has(name))
      headerIssue(i, name, `unknown column "${name}"`, `one of the columns ${specs.map((s) => s.header).join(", ")}`, name);
    else if (at.has(name)) headerIssue(i, name, `column "${name}" appears twice`, "each column once", name);
    else at.set(name, i);
  });
  // Cells to the right of the last header.
  const reported = new Set<number>();
  for (const r of table.rows)
    for (let i = table.header.length; i < r.cells.length; i++)
      if (!reported.has(i) && !isEmpty(r.cells[i])) {
        reported.add(i);
        c.add(
          table.name,
          r.row,
          { column: `(no header) (${columnLetter(i)})`, index: i },
          {
            entity,
            field: "(header)",
            value: r.cells[i],
            expected: "a header naming the field",
            message: "a value in a column without a header",
          },
        );
      }
  const bound = { table, specs, at };
  c.bound.set(table.name, bound);
  for (const spec of specs)
    if (!spec.optional && !at.has(spec.header)) {
      c.missing.add(`${table.name}|${spec.header}`);
      c.add(table.name, 1, c.label(table.name, spec.header), {
        entity,
        field: spec.header,
        expected: `a column headed ${spec.header} holding ${spec.codec.expected}`,
        message: `missing column ${spec.header}`,
      });
    }
  return bound;
}

/** Reads one row's cells into field values; parse problems are reported and the field left out. */
function readRow(c: Collector, b: Bound, r: TableRow, entity: Entity, index?: number): Map<Column, unknown> {
  const values = new Map<Column, unknown>();
  const problems: { where: { column: string; index: number }; issue: Omit<ValidationIssue, "location"> }[] = [];
  for (const spec of b.specs) {
    const at = b.at.get(spec.header);
    if (at === undefined) continue;
    const cell = r.cells[at];
    let value: unknown;
    if (isEmpty(cell, spec.codec)) value = spec.codec.empty();
    else {
      const parsed =
        typeof cell === "object" && !(cell instanceof Date)
          ? { error: `the cell shows the spreadsheet error ${cell.error}` }
          : spec.codec.parse(cell!);
      if ("error" in parsed) {
        const where = c.label(b.table.name, spec.header);
        c.parsedBad.add(`${b.table.name}|${r.row}|${where.column}`);
        problems.push({ where, issue: { entity, field: spec.field, value: cell, expected: spec.codec.expected, message: parsed.error } });
        continue;
      }
      value = parsed.value;
    }
    if (value !== undefined) values.set(spec, value);
  }
  const id = entity === "dataset" ? undefined : keyOf(entity, toObject(values));
  for (const p of problems)
    c.add(b.table.name, r.row, p.where, { ...p.issue, ...(index === undefined ? {} : { index }), ...(id === undefined ? {} : { id }) });
  return values;
}

function toObject(values: Map<Column, unknown>, level?: "stage" | "material"): Row {
  const obj: Row = {};
  for (const [spec, v] of values) if (level === undefined || spec.level === level) setField(obj, spec.field, v);
  return obj;
}

function keyOf(name: EntityName, row: Row): string | undefined {
  const parts = entityKeys[name].map((k) => row[k]);
  return parts.every((p) => typeof p === "string" && p !== "") ? parts.join("/") : undefined;
}

const nonEmptyRows = (t: Table): TableRow[] => t.rows.filter((r) => r.cells.some((cell) => !isEmpty(cell)));

/** Where each collection row came from: one row number per entity row; for materials, one per stage. */
type RowMap = Record<EntityName, number[][]>;

export function tablesToDataset(tables: Table[], source: TableSource, options: { name?: string } = {}): ImportResult {
  const c = new Collector(source);
  const byName = new Map<string, Table>();
  for (const t of tables) {
    if (source.ignored?.(t.name)) continue;
    if (t.name === DATASET_TABLE || isEntity(t.name)) byName.set(t.name, t);
    // An empty extra sheet ("Sheet1") holds nothing that could be lost; one with content might be a misspelt collection.
    else if (t.header.some((h) => h.trim() !== "") || nonEmptyRows(t).length > 0)
      c.add(
        t.name,
        1,
        { column: "A", index: 0 },
        {
          entity: "dataset",
          field: "(tables)",
          value: t.name,
          expected: `one of the ${source.unit}s ${TABLE_ORDER.join(", ")}`,
          message: `unknown ${source.unit} "${t.name}"`,
        },
      );
  }

  const raw: Row = {};
  let datasetRow = 2;
  const header = byName.get(DATASET_TABLE);
  if (!header) {
    for (const spec of datasetColumns) c.missing.add(`${DATASET_TABLE}|${spec.header}`);
    c.add(
      DATASET_TABLE,
      1,
      { column: "A", index: 0 },
      {
        entity: "dataset",
        field: "(tables)",
        expected: `a ${source.unit} "${DATASET_TABLE}" with the columns ${datasetColumns.map((s) => s.header).join(", ")}`,
        message: `missing ${source.unit} "${DATASET_TABLE}"`,
      },
    );
  } else {
    const b = bind(c, header, datasetColumns);
    const rows = nonEmptyRows(header);
    if (rows.length === 0) {
      for (const spec of datasetColumns) c.missing.add(`${DATASET_TABLE}|${spec.header}`);
      c.add(
        DATASET_TABLE,
        2,
        { column: "A", index: 0 },
        { entity: "dataset", field: "(row)", expected: "one row under the header", message: "the dataset row is missing" },
      );
    }
    for (const extra of rows.slice(1))
      c.add(
        DATASET_TABLE,
        extra.row,
        { column: "A", index: 0 },
        { entity: "dataset", field: "(row)", expected: "exactly one row under the header", message: "only one dataset row is allowed" },
      );
    const first = rows[0];
    if (first) {
      datasetRow = first.row;
      Object.assign(raw, toObject(readRow(c, b, first, "dataset")));
    }
  }
  if (options.name !== undefined) raw.name = options.name;

  const rowMap = {} as RowMap;
  for (const name of entityNames) {
    rowMap[name] = [];
    const table = byName.get(name);
    if (!table) continue;
    const b = bind(c, table, entityColumns[name]);
    const rows = nonEmptyRows(table);
    if (name === "materials") raw.materials = readMaterials(c, b, rows, rowMap.materials);
    else {
      raw[name] = rows.map((r, index) => {
        rowMap[name].push([r.row]);
        return toObject(readRow(c, b, r, name, index));
      });
    }
  }

  const result = validateDataset(raw);
  if (!result.ok) for (const issue of result.issues) placeValidationIssue(c, issue, rowMap, datasetRow);
  if (c.pending.length > 0) return { ok: false, issues: c.sorted() };
  // Every validation issue is either placed or hidden behind a placed cell or header issue.
  if (!result.ok) throw new ParaatError("INTERNAL", "validation failed but no problem could be located");
  return result;
}

/** Groups material rows by item, in order of first appearance; stage rows in row order. */
function readMaterials(c: Collector, b: Bound, rows: TableRow[], rowMap: number[][]): Row[] {
  const groups = new Map<
    string,
    { index: number; material: Row; stages: Row[]; rows: number[]; first: Map<Column, unknown>; firstRow: number }
  >();
  const materialSpecs = b.specs.filter((s) => s.level === "material");
  for (const r of rows) {
    const itemAt = b.at.get("item");
    const itemCell = itemAt === undefined ? undefined : r.cells[itemAt];
    const key = typeof itemCell === "string" || typeof itemCell === "number" ? String(itemCell).trim() : "";
    const index = groups.get(key)?.index ?? groups.size;
    const values = readRow(c, b, r, "materials", index);
    let g = groups.get(key);
    if (!g) {
      g = { index, material: toObject(values, "material"), stages: [], rows: [], first: values, firstRow: r.row };
      groups.set(key, g);
    } else {
      // The material's own columns repeat on each of its rows and must agree.
      for (const spec of materialSpecs) {
        const where = c.label(b.table.name, spec.header);
        const bad = (row: number): boolean => c.parsedBad.has(`${b.table.name}|${row}|${where.column}`);
        if (bad(r.row) || bad(g.firstRow)) continue;
        if (JSON.stringify(values.get(spec)) !== JSON.stringify(g.first.get(spec))) {
          const at = b.at.get(spec.header);
          c.add(b.table.name, r.row, where, {
            entity: "materials",
            index,
            ...(key ? { id: key } : {}),
            field: spec.field,
            value: at === undefined ? undefined : r.cells[at],
            expected: `the same value as on row ${g.firstRow}, the first row of material ${JSON.stringify(key)}`,
            message: `${spec.header} differs between the rows of one material; it belongs to the material and must be repeated unchanged`,
          });
        }
      }
    }
    g.stages.push(toObject(values, "stage"));
    g.rows.push(r.row);
  }
  return [...groups.values()].map((g) => {
    rowMap.push(g.rows);
    return { ...g.material, stages: g.stages };
  });
}

/** Finds the column for a validation issue's field path ("capacity[1].from" → capacity). */
function specFor(specs: readonly Column[], field: string, level?: "stage" | "material"): Column {
  const root = field.split(/[.[/]/)[0]!;
  const candidates = level === undefined ? specs : specs.filter((s) => s.level === level);
  return (
    candidates.find((s) => s.field === field) ??
    candidates.find((s) => s.field === root) ??
    candidates.find((s) => s.field.startsWith(`${root}.`)) ??
    candidates[0] ??
    specs[0]!
  );
}

function placeValidationIssue(c: Collector, issue: ValidationIssue, rowMap: RowMap, datasetRow: number): void {
  let table: string;
  let row: number;
  let spec: Column;
  if (issue.entity === "dataset") {
    table = DATASET_TABLE;
    row = datasetRow;
    spec = specFor(datasetColumns, issue.field);
  } else if (issue.entity === "materials") {
    table = "materials";
    const rows = issue.index === undefined ? undefined : rowMap.materials[issue.index];
    const stage = /^stages\[(\d+)\](?:\.([^.[]+))?/.exec(issue.field);
    if (stage) {
      row = rows?.[Number(stage[1])] ?? rows?.[0] ?? 1;
      spec = specFor(entityColumns.materials, stage[2] ?? "stage", "stage");
    } else {
      row = rows?.[0] ?? 1;
      spec = specFor(entityColumns.materials, issue.field, "material");
    }
  } else {
    table = issue.entity;
    row = (issue.index === undefined ? undefined : rowMap[issue.entity][issue.index]?.[0]) ?? 1;
    spec = specFor(entityColumns[issue.entity], issue.field);
  }
  const where = c.label(table, spec.header);
  if (c.parsedBad.has(`${table}|${row}|${where.column}`) || c.missing.has(`${table}|${spec.header}`)) return;
  // Validation counts rows within the collection; people see spreadsheet rows.
  const dup = /^duplicate of row #(\d+)$/.exec(issue.message);
  const firstRow = dup && issue.entity !== "dataset" ? rowMap[issue.entity][Number(dup[1]) - 1]?.[0] : undefined;
  c.add(table, row, where, firstRow === undefined ? issue : { ...issue, message: `duplicate of row ${firstRow}` });
}

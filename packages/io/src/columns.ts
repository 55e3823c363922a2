/**
 * The one column mapping per entity, shared by the workbook and the CSV folder: which field sits
 * in which column (header = field name) and how the cell is written and read. Column order follows
 * the schema's field order.
 */
import type { EntityName } from "@paraat/core";
import * as codec from "./codecs.js";
import type { Codec } from "./codecs.js";

export interface Column {
  /** The header cell, as people see it. */
  readonly header: string;
  /** The field in the row; dotted for the nested header fields ("horizon.start"). */
  readonly field: string;
  readonly codec: Codec;
  /** Optional in the data model: a missing column just means the field is absent everywhere. */
  readonly optional: boolean;
  /** Materials only: whether the field belongs to the stage (one row each) or to the material (repeated). */
  readonly level?: "stage" | "material";
}

type Options = { optional?: boolean; header?: string; level?: "stage" | "material" };

function col<T>(field: string, c: Codec<T>, o: Options = {}): Column {
  const column: Column = { header: o.header ?? field, field, codec: c, optional: o.optional ?? false };
  return o.level ? { ...column, level: o.level } : column;
}

const opt = { optional: true } as const;

function provenance(level?: "stage" | "material"): Column[] {
  const prefix = level === "material" ? "material." : "";
  const o = { optional: true, ...(level ? { level } : {}) };
  return [
    col("sources", codec.list(true), { ...o, header: `${prefix}sources` }),
    col("illustrative", codec.boolean, { ...o, header: `${prefix}illustrative` }),
    col("note", codec.text, { ...o, header: `${prefix}note` }),
  ];
}

/** The sheet `dataset` (file dataset.csv): one row under the header. */
export const datasetColumns: readonly Column[] = [
  col("format", codec.token),
  col("version", codec.integer),
  col("name", codec.text),
  col("description", codec.text, opt),
  col("horizon.start", codec.month),
  col("horizon.periods", codec.integer),
];

export const entityColumns: { readonly [N in EntityName]: readonly Column[] } = {
  sources: [
    col("id", codec.token),
    col("title", codec.text),
    col("url", codec.text, opt),
    col("publisher", codec.text, opt),
    col("date", codec.text, opt),
    col("note", codec.text, opt),
  ],
  countries: [
    col("code", codec.token),
    col("name", codec.text),
    col("eu", codec.boolean),
    col("nato", codec.boolean),
    col("concern", codec.boolean),
    col("wgi", codec.number, opt),
    ...provenance(),
  ],
  companies: [
    col("id", codec.token),
    col("name", codec.text),
    col("country", codec.token),
    col("base", codec.list(false)),
    col("owners", codec.owners),
    col("clearance", codec.token),
    ...provenance(),
  ],
  sites: [col("id", codec.token), col("company", codec.token), col("country", codec.token), col("name", codec.text), ...provenance()],
  items: [
    col("id", codec.token),
    col("name", codec.text),
    col("kind", codec.token),
    col("unit", codec.text),
    col("unitValue", codec.number),
    col("nsn", codec.text, opt),
    ...provenance(),
  ],
  bom: [col("parent", codec.token), col("child", codec.token), col("qty", codec.number), ...provenance()],
  supply: [
    col("id", codec.token),
    col("item", codec.token),
    col("site", codec.token),
    col("leadTime", codec.integer),
    col("unitCost", codec.number),
    col("capacity", codec.capacity),
    ...provenance(),
  ],
  stocks: [col("item", codec.token), col("holder", codec.token), col("qty", codec.number), ...provenance()],
  consumers: [
    col("id", codec.token),
    col("name", codec.text),
    col("country", codec.token),
    col("priority", codec.integer),
    ...provenance(),
  ],
  demands: [
    col("id", codec.token),
    col("item", codec.token),
    col("consumer", codec.token),
    col("qty", codec.number),
    col("due", codec.month),
    col("priority", codec.integer, opt),
    ...provenance(),
  ],
  targets: [
    col("id", codec.token),
    col("item", codec.token),
    col("consumer", codec.token),
    col("level", codec.number),
    col("by", codec.month),
    col("usagePerPeriod", codec.number, opt),
    ...provenance(),
  ],
  contracts: [
    col("id", codec.token),
    col("kind", codec.token),
    col("supplier", codec.token),
    col("items", codec.list(false)),
    col("buyers", codec.list(false)),
    col("start", codec.month),
    col("end", codec.month),
    col("value", codec.number, opt),
    ...provenance(),
  ],
  // One row per (item, stage); the material's own fields are repeated on each of its rows.
  materials: [
    col("item", codec.token, { level: "material" }),
    col("stage", codec.token, { level: "stage" }),
    col("globalSupply", codec.shares(false), { level: "stage" }),
    col("euSourcing", codec.shares(false), { level: "stage" }),
    col("importReliance", codec.number, { level: "stage" }),
    col("eolRir", codec.number, { level: "stage" }),
    col("substitution", codec.number, { level: "stage" }),
    ...provenance("stage"),
    col("tradeAdjustment", codec.shares(true), { level: "material", optional: true }),
    col("economicImportance", codec.number, { level: "material", optional: true }),
    ...provenance("material"),
  ],
};

/** The table (sheet or CSV file) names in export order. */
export const DATASET_TABLE = "dataset";

/** Column letters as a spreadsheet shows them: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

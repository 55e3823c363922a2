/**
 * How each entity collection of the data model maps to a table: one column per field, in the
 * field order of the model (so rows come back with their keys in canonical order). Scalars get
 * typed columns; nested lists and records are JSON text. The migrations create these columns;
 * a test checks the two agree, so a model change without a migration is caught. Each table is
 * named after its collection.
 */
import type { EntityName, EntityOf } from "@paraat/core";

export type ColumnType = "text" | "real" | "int" | "bool" | "json";

export interface ColumnSpec {
  /** Field of the entity. */
  field: string;
  /** Column in the table (snake_case; words that are SQL keywords get a suffix). */
  column: string;
  type: ColumnType;
  /** Optional fields are nullable columns; NULL means the field is absent. */
  optional: boolean;
  /** Part of the entity's key (unique per dataset). */
  key: boolean;
}

type FieldOf<N extends EntityName> = keyof EntityOf<N> & string;
type Def<N extends EntityName> = [field: FieldOf<N>, type: ColumnType, flags?: "key" | "optional", column?: string];

function table<N extends EntityName>(...defs: Def<N>[]): ColumnSpec[] {
  return defs.map(([field, type, flags, column]) => ({
    field,
    column: column ?? field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
    type,
    optional: flags === "optional",
    key: flags === "key",
  }));
}

/** Provenance fields every entity except sources carries (see the model). */
const provenance = <N extends Exclude<EntityName, "sources">>(): Def<N>[] => [
  ["sources", "json", "optional"],
  ["illustrative", "bool", "optional"],
  ["note", "text", "optional"],
];

export const entityTables: { [N in EntityName]: ColumnSpec[] } = {
  sources: table<"sources">(
    ["id", "text", "key"],
    ["title", "text"],
    ["url", "text", "optional"],
    ["publisher", "text", "optional"],
    ["date", "text", "optional"],
    ["note", "text", "optional"],
  ),
  countries: table<"countries">(
    ["code", "text", "key"],
    ["name", "text"],
    ["eu", "bool"],
    ["nato", "bool"],
    ["concern", "bool"],
    ["wgi", "real", "optional"],
    ...provenance<"countries">(),
  ),
  companies: table<"companies">(
    ["id", "text", "key"],
    ["name", "text"],
    ["country", "text"],
    ["base", "json"],
    ["owners", "json"],
    ["clearance", "text"],
    ...provenance<"companies">(),
  ),
  sites: table<"sites">(["id", "text", "key"], ["company", "text"], ["country", "text"], ["name", "text"], ...provenance<"sites">()),
  items: table<"items">(
    ["id", "text", "key"],
    ["name", "text"],
    ["kind", "text"],
    ["unit", "text"],
    ["unitValue", "real"],
    ["nsn", "text", "optional"],
    ...provenance<"items">(),
  ),
  bom: table<"bom">(["parent", "text", "key"], ["child", "text", "key"], ["qty", "real"], ...provenance<"bom">()),
  supply: table<"supply">(
    ["id", "text", "key"],
    ["item", "text"],
    ["site", "text"],
    ["leadTime", "int"],
    ["unitCost", "real"],
    ["capacity", "json"],
    ...provenance<"supply">(),
  ),
  stocks: table<"stocks">(["item", "text", "key"], ["holder", "text", "key"], ["qty", "real"], ...provenance<"stocks">()),
  consumers: table<"consumers">(
    ["id", "text", "key"],
    ["name", "text"],
    ["country", "text"],
    ["priority", "int"],
    ...provenance<"consumers">(),
  ),
  demands: table<"demands">(
    ["id", "text", "key"],
    ["item", "text"],
    ["consumer", "text"],
    ["qty", "real"],
    ["due", "text"],
    ["priority", "int", "optional"],
    ...provenance<"demands">(),
  ),
  targets: table<"targets">(
    ["id", "text", "key"],
    ["item", "text"],
    ["consumer", "text"],
    ["level", "real"],
    ["by", "text", undefined, "by_month"],
    ["usagePerPeriod", "real", "optional"],
    ...provenance<"targets">(),
  ),
  contracts: table<"contracts">(
    ["id", "text", "key"],
    ["kind", "text"],
    ["supplier", "text"],
    ["items", "json"],
    ["buyers", "json"],
    ["start", "text", undefined, "start_month"],
    ["end", "text", undefined, "end_month"],
    ["value", "real", "optional"],
    ...provenance<"contracts">(),
  ),
  materials: table<"materials">(
    ["item", "text", "key"],
    ["stages", "json"],
    ["tradeAdjustment", "json", "optional"],
    ["economicImportance", "real", "optional"],
    ...provenance<"materials">(),
  ),
};

export function keyColumns(entity: EntityName): ColumnSpec[] {
  return entityTables[entity].filter((c) => c.key);
}

/**
 * The first schema: a `datasets` table and one table per entity collection. Frozen: later model
 * changes get a new migration, never an edit here. Column types are spelled per dialect so reals
 * are IEEE doubles on both and booleans are real booleans on PostgreSQL.
 */
import { sql, type CreateTableBuilder, type Kysely, type Migration } from "kysely";
import type { Dialect } from "../../store.js";

type Kind = "text" | "real" | "int" | "bool";
/** [column, kind, "key" | "null" (nullable) | undefined (not null)] */
type Col = [string, Kind, ("key" | "null")?];

const prov: Col[] = [
  ["sources", "text", "null"],
  ["illustrative", "bool", "null"],
  ["note", "text", "null"],
];

const tables: [string, Col[]][] = [
  [
    "sources",
    [
      ["id", "text", "key"],
      ["title", "text"],
      ["url", "text", "null"],
      ["publisher", "text", "null"],
      ["date", "text", "null"],
      ["note", "text", "null"],
    ],
  ],
  [
    "countries",
    [["code", "text", "key"], ["name", "text"], ["eu", "bool"], ["nato", "bool"], ["concern", "bool"], ["wgi", "real", "null"], ...prov],
  ],
  [
    "companies",
    [["id", "text", "key"], ["name", "text"], ["country", "text"], ["base", "text"], ["owners", "text"], ["clearance", "text"], ...prov],
  ],
  ["sites", [["id", "text", "key"], ["company", "text"], ["country", "text"], ["name", "text"], ...prov]],
  [
    "items",
    [["id", "text", "key"], ["name", "text"], ["kind", "text"], ["unit", "text"], ["unit_value", "real"], ["nsn", "text", "null"], ...prov],
  ],
  ["bom", [["parent", "text", "key"], ["child", "text", "key"], ["qty", "real"], ...prov]],
  [
    "supply",
    [["id", "text", "key"], ["item", "text"], ["site", "text"], ["lead_time", "int"], ["unit_cost", "real"], ["capacity", "text"], ...prov],
  ],
  ["stocks", [["item", "text", "key"], ["holder", "text", "key"], ["qty", "real"], ...prov]],
  ["consumers", [["id", "text", "key"], ["name", "text"], ["country", "text"], ["priority", "int"], ...prov]],
  [
    "demands",
    [["id", "text", "key"], ["item", "text"], ["consumer", "text"], ["qty", "real"], ["due", "text"], ["priority", "int", "null"], ...prov],
  ],
  [
    "targets",
    [
      ["id", "text", "key"],
      ["item", "text"],
      ["consumer", "text"],
      ["level", "real"],
      ["by_month", "text"],
      ["usage_per_period", "real", "null"],
      ...prov,
    ],
  ],
  [
    "contracts",
    [
      ["id", "text", "key"],
      ["kind", "text"],
      ["supplier", "text"],
      ["items", "text"],
      ["buyers", "text"],
      ["start_month", "text"],
      ["end_month", "text"],
      ["value", "real", "null"],
      ...prov,
    ],
  ],
  [
    "materials",
    [["item", "text", "key"], ["stages", "text"], ["trade_adjustment", "text", "null"], ["economic_importance", "real", "null"], ...prov],
  ],
];

function typeOf(kind: Kind, dialect: Dialect): string {
  switch (kind) {
    case "text":
      return "text";
    case "real":
      return dialect === "postgres" ? "double precision" : "real";
    case "int":
      // bigint on PostgreSQL: the model allows any safe integer.
      return dialect === "postgres" ? "bigint" : "integer";
    case "bool":
      return dialect === "postgres" ? "boolean" : "integer";
  }
}

export function initialSchema(dialect: Dialect): Migration {
  // STRICT makes SQLite enforce the declared types instead of storing whatever it is given.
  const strict = dialect === "sqlite" ? sql`strict` : sql``;
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("datasets")
        .addColumn("id", "integer", (c) =>
          dialect === "postgres" ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement(),
        )
        .addColumn("name", "text", (c) => c.notNull().unique())
        .addColumn("format", "text", (c) => c.notNull())
        .addColumn("version", "integer", (c) => c.notNull())
        .addColumn("horizon_start", "text", (c) => c.notNull())
        .addColumn("horizon_periods", "integer", (c) => c.notNull())
        .addColumn("description", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .modifyEnd(strict)
        .execute();
      for (const [name, cols] of tables) {
        let t: CreateTableBuilder<string, string> = db.schema
          .createTable(name)
          .addColumn("dataset_id", "integer", (c) => c.notNull().references("datasets.id").onDelete("cascade"))
          .addColumn("ord", "integer", (c) => c.notNull());
        for (const [col, kind, flag] of cols) {
          t = t.addColumn(col, sql.raw(typeOf(kind, dialect)), (c) => (flag === "null" ? c : c.notNull()));
        }
        const keys = cols.filter(([, , flag]) => flag === "key").map(([col]) => col);
        t = t
          .addPrimaryKeyConstraint(`${name}_pkey`, ["dataset_id", ...keys])
          .addUniqueConstraint(`${name}_ord_key`, ["dataset_id", "ord"]);
        await t.modifyEnd(strict).execute();
      }
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const [name] of [...tables].reverse()) await db.schema.dropTable(name).execute();
      await db.schema.dropTable("datasets").execute();
    },
  };
}

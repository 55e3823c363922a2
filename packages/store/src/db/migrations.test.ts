import { sql } from "kysely";
import { expect, it } from "vitest";
import { entityNames } from "@paraat/core";
import { entityTables, type ColumnType } from "./entity-tables.js";
import type { KyselyStore } from "./kysely-store.js";
import { NO_MIGRATIONS, appliedMigrations, migrateTo, migrateToLatest } from "./migrate.js";
import { migrations } from "./migrations/index.js";
import { smallDataset } from "./test-dataset.js";
import { forEachDialect } from "./test-dialects.js";

/** How each column type is declared per dialect, as the database reports it back. */
const declared: Record<"sqlite" | "postgres", Record<ColumnType, string>> = {
  sqlite: { text: "text", json: "text", real: "real", int: "integer", bool: "integer" },
  postgres: { text: "text", json: "text", real: "float8", int: "int8", bool: "bool" },
};

it("names migrations <timestamp>-<name>, in order", () => {
  const names = Object.keys(migrations("sqlite"));
  expect(names.length).toBeGreaterThan(0);
  for (const n of names) expect(n).toMatch(/^\d{14}-[a-z0-9]+(-[a-z0-9]+)*$/);
  expect([...names].sort()).toEqual(names);
  expect(Object.keys(migrations("postgres"))).toEqual(names);
});

/** Tables of the accounts-and-audit and scenarios migrations, beside the dataset tables. */
const accountTables = ["api_tokens", "audit_log", "scenarios", "sessions", "users"];
/** SQLite keeps the dataset revision counter in a table; PostgreSQL in a sequence. */
const revisionTables = (dialect: "sqlite" | "postgres"): string[] => (dialect === "sqlite" ? ["dataset_revision_counter"] : []);

forEachDialect("migrations", (ctx) => {
  it("create one column per model field with the declared type and nullability", async () => {
    const store = (await ctx.openFresh()) as KyselyStore;
    const tables = await store.db.introspection.getTables();
    expect(tables.map((t) => t.name).sort()).toEqual(["datasets", ...entityNames, ...accountTables, ...revisionTables(ctx.dialect)].sort());
    for (const e of entityNames) {
      const table = tables.find((t) => t.name === e)!;
      const actual = table.columns.map((c) => [c.name, c.dataType.toLowerCase(), c.isNullable]);
      const int = ctx.dialect === "postgres" ? "int4" : "integer";
      const expected = [
        ["dataset_id", int, false],
        ["ord", int, false],
        ...entityTables[e].map((c) => [c.column, declared[ctx.dialect][c.type], c.optional]),
      ];
      expect(actual, e).toEqual(expected);
    }
  });

  it("go down to an empty schema and up again", async () => {
    const store = (await ctx.openFresh()) as KyselyStore;
    const all = Object.keys(migrations(ctx.dialect));
    expect(await appliedMigrations(store.db, ctx.dialect)).toEqual(all);
    await store.saveDataset(smallDataset());

    expect(await migrateTo(store.db, ctx.dialect, NO_MIGRATIONS)).toEqual([...all].reverse());
    expect(await store.db.introspection.getTables()).toEqual([]);
    expect(await appliedMigrations(store.db, ctx.dialect)).toEqual([]);

    expect(await migrateToLatest(store.db, ctx.dialect)).toEqual(all);
    expect(await migrateToLatest(store.db, ctx.dialect)).toEqual([]);
    expect((await store.db.introspection.getTables()).length).toBe(
      1 + entityNames.length + accountTables.length + revisionTables(ctx.dialect).length,
    );
    expect(await store.listDatasets()).toEqual([]);
    await store.saveDataset(smallDataset());
    expect(await store.loadDataset("test-small")).toStrictEqual(smallDataset());
  });

  it("enforce the dataset foreign key and its cascade in the database itself", async () => {
    const store = (await ctx.openFresh()) as KyselyStore;
    await store.saveDataset(smallDataset());
    const orphan = sql`insert into sources (dataset_id, ord, id, title) values (9999, 0, 'x', 'y')`.execute(store.db);
    await expect(orphan).rejects.toThrow();
    await sql`delete from datasets`.execute(store.db);
    const left = await sql<{ n: number | string }>`select count(*) as n from items`.execute(store.db);
    expect(Number(left.rows[0]!.n)).toBe(0);
  });
});

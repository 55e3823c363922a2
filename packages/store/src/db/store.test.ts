import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ParaatError, type Dataset } from "@paraat/core";
import { sql } from "kysely";
import fc from "fast-check";
import pg from "pg";
import { describe, expect, it } from "vitest";
import type { KyselyStore } from "./kysely-store.js";
import { openStore } from "./open-store.js";
import { smallDataset } from "./test-dataset.js";
import { forEachDialect, testPostgresUrl } from "./test-dialects.js";

async function caught(p: Promise<unknown>): Promise<ParaatError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ParaatError) return e;
    throw e;
  }
  throw new Error("expected a ParaatError, nothing was thrown");
}

async function rowsInTable(store: unknown, table: string): Promise<number> {
  const db = (store as KyselyStore).db;
  const r = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return Number(r.rows[0]?.n);
}

forEachDialect("store", (ctx) => {
  it("loads exactly what it saved: order, absent optional fields, awkward doubles", async () => {
    const store = await ctx.openFresh();
    const dataset = smallDataset();
    const info = await store.saveDataset(dataset);
    expect(info.counts.items).toBe(4);
    expect(info.counts.bom).toBe(3);
    const loaded = await store.loadDataset(dataset.name);
    expect(loaded).toStrictEqual(dataset);
    // Byte-stable JSON: same keys, same order, same number spelling.
    expect(JSON.stringify(loaded)).toBe(JSON.stringify(dataset));
    expect(loaded.items.map((i) => i.id)).toEqual(["shell-155", "tnt", "body", "antimony"]);
    expect(loaded.countries[0]!.wgi).toBe(0.30000000000000004);
    expect(loaded.items[1]!.unitValue).toBe(1e-9);
    expect("nsn" in loaded.items[1]!).toBe(false);
    expect("wgi" in loaded.countries[1]!).toBe(false);
    expect(loaded.companies[1]!.note).toBe("");
  });

  it("round-trips a dataset without description or optional collections", async () => {
    const store = await ctx.openFresh();
    const bare: Dataset = { ...smallDataset("bare"), sources: [], materials: [] };
    delete bare.description;
    await store.saveDataset(bare);
    const loaded = await store.loadDataset("bare");
    expect(loaded).toStrictEqual(bare);
    expect("description" in loaded).toBe(false);
  });

  it("keeps the saved order across several insert statements", async () => {
    const store = await ctx.openFresh();
    const base = smallDataset("many");
    // 2,345 items: more than one multi-row INSERT, with a remainder chunk; ids in descending order.
    const items = Array.from({ length: 2345 }, (_, i) => ({
      id: `x-${String(2345 - i).padStart(5, "0")}`,
      name: `Item ${i}`,
      kind: "component" as const,
      unit: "pcs",
      unitValue: i / 7,
    }));
    const dataset: Dataset = { ...base, items: [...base.items, ...items] };
    await store.saveDataset(dataset);
    const loaded = await store.loadDataset("many");
    expect(loaded.items).toHaveLength(2349);
    expect(loaded.items).toStrictEqual(dataset.items);
  });

  it("round-trips arbitrary text and doubles exactly (property)", async () => {
    const store = await ctx.openFresh();
    // Any Unicode text except NUL, which PostgreSQL text cannot hold.
    const text = fc.string({ unit: "grapheme", minLength: 1, maxLength: 12 }).filter((s) => !s.includes("\u0000"));
    const double = fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }).map((v) => (Object.is(v, -0) ? 0 : v));
    const item = fc.record({
      name: text,
      unitValue: double,
      note: fc.option(text, { nil: undefined }),
      illustrative: fc.option(fc.boolean(), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(item, { minLength: 1, maxLength: 8 }), async (rows) => {
        const items = rows.map((r, i) => ({
          id: `i-${i}`,
          name: r.name,
          kind: "component" as const,
          unit: "kg",
          unitValue: r.unitValue,
          ...(r.note !== undefined ? { note: r.note } : {}),
          ...(r.illustrative !== undefined ? { illustrative: r.illustrative } : {}),
        }));
        const dataset: Dataset = {
          ...smallDataset("prop"),
          items,
          bom: [],
          supply: [],
          stocks: [],
          demands: [],
          targets: [],
          contracts: [],
          materials: [],
        };
        await store.saveDataset(dataset, { replace: true });
        expect(await store.loadDataset("prop")).toStrictEqual(dataset);
      }),
      { numRuns: 25 },
    );
  });

  it("keeps several datasets apart and lists them with their counts", async () => {
    const store = await ctx.openFresh();
    const a = smallDataset("alpha");
    const b: Dataset = { ...smallDataset("beta"), demands: [], description: "second" };
    await store.saveDataset(b);
    await store.saveDataset(a);
    expect(await store.loadDataset("alpha")).toStrictEqual(a);
    expect(await store.loadDataset("beta")).toStrictEqual(b);
    const list = await store.listDatasets();
    expect(list.map((d) => d.name)).toEqual(["alpha", "beta"]);
    expect(list[0]!.counts).toEqual({
      sources: 2,
      countries: 3,
      companies: 2,
      sites: 2,
      items: 4,
      bom: 3,
      supply: 2,
      stocks: 2,
      consumers: 2,
      demands: 2,
      targets: 2,
      contracts: 2,
      materials: 1,
    });
    expect(list[1]!.counts.demands).toBe(0);
    expect(list[1]!.counts.items).toBe(4);
    expect(Date.parse(list[0]!.createdAt)).not.toBeNaN();
  });

  it("refuses to overwrite without replace, and replaces when asked", async () => {
    const store = await ctx.openFresh();
    const first = smallDataset("d");
    const saved = await store.saveDataset(first);
    const err = await caught(store.saveDataset({ ...first, description: "changed" }));
    expect(err.code).toBe("CONFLICT");
    expect(err.message).toContain('"d" already exists');
    expect(await store.loadDataset("d")).toStrictEqual(first);

    const second: Dataset = {
      ...smallDataset("d"),
      items: first.items.slice(0, 1),
      bom: [],
      supply: [],
      stocks: [],
      demands: [],
      targets: [],
      contracts: [],
      materials: [],
    };
    delete second.description;
    const info = await store.saveDataset(second, { replace: true });
    expect(info.createdAt).toBe(saved.createdAt);
    expect(info.counts.items).toBe(1);
    expect(await store.loadDataset("d")).toStrictEqual(second);
    expect(await rowsInTable(store, "items")).toBe(1);
  });

  it("deletes a dataset with all its rows and leaves the others", async () => {
    const store = await ctx.openFresh();
    await store.saveDataset(smallDataset("keep"));
    await store.saveDataset(smallDataset("drop"));
    await store.deleteDataset("drop");
    expect((await store.listDatasets()).map((d) => d.name)).toEqual(["keep"]);
    for (const table of ["items", "bom", "materials", "countries"]) {
      const perDataset = { items: 4, bom: 3, materials: 1, countries: 3 }[table]!;
      expect(await rowsInTable(store, table)).toBe(perDataset);
    }
    expect((await caught(store.loadDataset("drop"))).code).toBe("NOT_FOUND");
    expect((await caught(store.deleteDataset("drop"))).code).toBe("NOT_FOUND");
  });

  it("writes nothing when an insert fails half-way (new dataset)", async () => {
    const store = await ctx.openFresh();
    const good = smallDataset("ok");
    await store.saveDataset(good);
    // materials is the last table written; a duplicate key there fails after every other table was filled.
    const bad: Dataset = { ...smallDataset("bad"), materials: [good.materials[0]!, good.materials[0]!] };
    const err = await caught(store.saveDataset(bad));
    expect(err.code).toBe("CONFLICT");
    expect(err.message).toContain('saving dataset "bad"');
    expect((await store.listDatasets()).map((d) => d.name)).toEqual(["ok"]);
    expect(await rowsInTable(store, "items")).toBe(4);
    expect(await store.loadDataset("ok")).toStrictEqual(good);
  });

  it("keeps the old dataset when a replace fails half-way", async () => {
    const store = await ctx.openFresh();
    const good = smallDataset("same");
    const before = await store.saveDataset(good);
    const bad: Dataset = { ...good, items: good.items.slice(0, 2), materials: [good.materials[0]!, good.materials[0]!] };
    expect((await caught(store.saveDataset(bad, { replace: true }))).code).toBe("CONFLICT");
    expect(await store.loadDataset("same")).toStrictEqual(good);
    expect((await store.listDatasets())[0]!.updatedAt).toBe(before.updatedAt);
  });

  describe("resolveDatasetName", () => {
    it("reports an empty database with how to load one", async () => {
      const store = await ctx.openFresh();
      const err = await caught(store.resolveDatasetName());
      expect(err.code).toBe("NOT_FOUND");
      expect(err.message).toContain("paraat dataset load nl-2024");
      expect(err.message).toContain("paraat import FILE");
      expect((await caught(store.resolveDatasetName("x"))).code).toBe("NOT_FOUND");
    });

    it("takes the only dataset, or checks the named one", async () => {
      const store = await ctx.openFresh();
      await store.saveDataset(smallDataset("only"));
      expect(await store.resolveDatasetName()).toBe("only");
      expect(await store.resolveDatasetName("only")).toBe("only");
      const err = await caught(store.resolveDatasetName("other"));
      expect(err.code).toBe("NOT_FOUND");
      expect(err.message).toContain("available: only");
    });

    it("asks for --dataset when there are several", async () => {
      const store = await ctx.openFresh();
      await store.saveDataset(smallDataset("b-set"));
      await store.saveDataset(smallDataset("a-set"));
      const err = await caught(store.resolveDatasetName());
      expect(err.code).toBe("DATASET_AMBIGUOUS");
      expect(err.message).toContain("a-set, b-set");
      expect(err.message).toContain("--dataset");
      expect(err.details).toEqual({ available: ["a-set", "b-set"] });
      expect(await store.resolveDatasetName("b-set")).toBe("b-set");
      const missing = await caught(store.resolveDatasetName("c-set"));
      expect(missing.details).toEqual({ dataset: "c-set", available: ["a-set", "b-set"] });
    });
  });

  it("keeps the data when the database is closed and opened again", async () => {
    const location = await ctx.freshLocation();
    const first = await openStore(location);
    await first.saveDataset(smallDataset("persist"));
    await first.close();
    const second = await openStore(location);
    try {
      expect(await second.loadDataset("persist")).toStrictEqual(smallDataset("persist"));
    } finally {
      await second.close();
    }
  });

  it("releases everything on close", async () => {
    const location = await ctx.freshLocation();
    const store = await openStore(location);
    await store.saveDataset(smallDataset());
    await store.close();
    await store.close(); // idempotent
    if (ctx.dialect === "sqlite") {
      // The last connection closing checkpoints and removes the WAL file.
      expect(existsSync(`${location}-wal`)).toBe(false);
    } else {
      const admin = new pg.Client({ connectionString: testPostgresUrl() });
      await admin.connect();
      try {
        const db = new URL(location).pathname.slice(1);
        const r = await admin.query<{ n: string }>("select count(*) as n from pg_stat_activity where datname = $1", [db]);
        expect(Number(r.rows[0]?.n)).toBe(0);
      } finally {
        await admin.end();
      }
    }
    expect((await caught(store.listDatasets())).code).toBe("STORE_FAILED");
  });
});

describe("openStore errors", () => {
  it("names a PostgreSQL server that is not running, without the password", async () => {
    const err = await caught(openStore("postgres://paraat:s3cret-pw@127.0.0.1:1/nothing"));
    expect(err.code).toBe("STORE_FAILED");
    expect(err.message).toContain("cannot connect to PostgreSQL at postgres://paraat@127.0.0.1:1/nothing: is it running?");
    expect(err.message).not.toContain("s3cret-pw");
    expect(JSON.stringify(err.toJSON())).not.toContain("s3cret-pw");
  });

  it("says when a file is not a SQLite database", async () => {
    const dir = mkdtempSync(join(tmpdir(), "paraat-not-a-db-"));
    try {
      const path = join(dir, "notes.db");
      writeFileSync(path, "plain text, long enough to fill what SQLite reads as its header. ".repeat(20));
      const err = await caught(openStore(path));
      expect(err.code).toBe("STORE_FAILED");
      expect(err.message).toContain(`${path} is not a SQLite database`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("says when the folder of a SQLite file does not exist", async () => {
    const err = await caught(openStore("/nonexistent-folder-for-paraat/x.db"));
    expect(err.code).toBe("STORE_FAILED");
    expect(err.message).toContain("/nonexistent-folder-for-paraat/x.db");
  });
});

import type { Item } from "@paraat/core";
import { sql } from "kysely";
import { afterEach, expect, it, vi } from "vitest";
import type { Store } from "../store.js";
import type { KyselyStore } from "./kysely-store.js";
import { migrateTo, migrateToLatest } from "./migrate.js";
import { openKyselyStore, openStore } from "./open-store.js";
import { smallDataset } from "./test-dataset.js";
import { forEachDialect } from "./test-dialects.js";

const fuze: Item = { id: "fuze", name: "Fuze", kind: "component", unit: "pcs", unitValue: 12.5 };

async function revision(store: Store, name: string): Promise<number> {
  const r = await store.datasetRevision(name);
  if (r === undefined) throw new Error(`dataset "${name}" has no revision`);
  return r;
}

afterEach(() => {
  vi.useRealTimers();
});

forEachDialect("dataset revision", (ctx) => {
  it("is undefined for a missing dataset and moves on every write, also within one millisecond", async () => {
    const store = await ctx.openFresh();
    expect(await store.datasetRevision("ds")).toBeUndefined();
    // A frozen clock: every write gets the same updated_at, so only the revision tells them apart.
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-12-10T10:00:00.000Z") });
    const saved = await store.saveDataset(smallDataset("ds"));
    const seen = [await revision(store, "ds")];
    await store.putEntity("ds", "items", fuze);
    seen.push(await revision(store, "ds"));
    await store.putEntity("ds", "items", { ...fuze, unitValue: 13 });
    seen.push(await revision(store, "ds"));
    await store.deleteEntity("ds", "items", "fuze");
    seen.push(await revision(store, "ds"));
    await store.saveDataset(smallDataset("ds"), { replace: true });
    seen.push(await revision(store, "ds"));
    expect((await store.listDatasets())[0]!.updatedAt).toBe(saved.updatedAt);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!, `write ${i}`).toBeGreaterThan(seen[i - 1]!);
  });

  it("stays put when a write is refused or another dataset changes", async () => {
    const store = await ctx.openFresh();
    await store.saveDataset(smallDataset("a"));
    const a = await revision(store, "a");
    await expect(store.putEntity("a", "bom", { parent: "shell-155", child: "nope", qty: 1 })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
    });
    await expect(store.deleteEntity("a", "items", "tnt")).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    await expect(store.saveDataset(smallDataset("a"))).rejects.toMatchObject({ code: "CONFLICT" });
    await store.saveDataset(smallDataset("b"));
    await store.putEntity("b", "items", fuze);
    expect(await revision(store, "a")).toBe(a);
    expect(await revision(store, "b")).toBeGreaterThan(a);
  });

  it("never gives a deleted and re-created dataset an old revision, across two connections", async () => {
    const location = await ctx.freshLocation();
    // Two stores on one database stand for two processes sharing it.
    const one = await openStore(location);
    const two = await openStore(location);
    try {
      let highest = 0;
      for (let round = 0; round < 3; round++) {
        const writer = round % 2 === 0 ? one : two;
        const reader = round % 2 === 0 ? two : one;
        await writer.saveDataset(smallDataset("ds"));
        const created = await revision(reader, "ds");
        await reader.putEntity("ds", "items", fuze);
        const changed = await revision(writer, "ds");
        expect(created, `round ${round}`).toBeGreaterThan(highest);
        expect(changed).toBeGreaterThan(created);
        highest = changed;
        await reader.deleteDataset("ds");
        expect(await writer.datasetRevision("ds")).toBeUndefined();
      }
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });

  it("gives datasets saved before the migration distinct revisions below every later one", async () => {
    const location = await ctx.freshLocation();
    const store: KyselyStore = await openKyselyStore(location);
    try {
      await migrateTo(store.db, ctx.dialect, "20261128120000-accounts-audit");
      // Written as the previous version of the schema had it: no revision column.
      for (const name of ["a", "b"])
        await sql`insert into datasets (name, format, version, horizon_start, horizon_periods, created_at, updated_at)
          values (${name}, 'paraat-dataset', 1, '2025-01', 12, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`.execute(store.db);
      expect(await migrateToLatest(store.db, ctx.dialect)).toEqual(["20261210100000-dataset-revision", "20261211100000-scenarios"]);
      const a = await revision(store, "a");
      const b = await revision(store, "b");
      expect(a).not.toBe(b);
      await store.saveDataset(smallDataset("c"));
      expect(await revision(store, "c")).toBeGreaterThan(Math.max(a, b));

      expect(await migrateTo(store.db, ctx.dialect, "20261128120000-accounts-audit")).toEqual([
        "20261211100000-scenarios",
        "20261210100000-dataset-revision",
      ]);
      const columns = (await store.db.introspection.getTables()).find((t) => t.name === "datasets")!.columns.map((c) => c.name);
      expect(columns).not.toContain("revision");
    } finally {
      await store.close();
    }
  });
});

import { ParaatError, type Item } from "@paraat/core";
import { sql } from "kysely";
import { expect, it } from "vitest";
import type { KyselyStore } from "../kysely-store.js";
import { smallDataset } from "../test-dataset.js";
import { forEachDialect } from "../test-dialects.js";

const alice = { actor: "alice", action: "test.change" };
const fuze: Item = { id: "fuze", name: "Fuze", kind: "component", unit: "pcs", unitValue: 12.5 };

async function auditRows(store: KyselyStore): Promise<number> {
  const r = await sql<{ n: number | string }>`select count(*) as n from audit_log`.execute(store.db);
  return Number(r.rows[0]!.n);
}

forEachDialect("audit log", (ctx) => {
  it("records putEntity and deleteEntity with before and after, in order, newest first", async () => {
    const store = (await ctx.openFresh()) as KyselyStore;
    const ds = smallDataset("ds");
    await store.saveDataset(ds);
    const created = await store.putEntity("ds", "items", fuze, { audit: { actor: "alice", action: "entity.create" } });
    const renamed = { ...fuze, name: "Fuze M739" };
    await store.putEntity("ds", "items", renamed, { audit: { actor: "bob", action: "entity.update" } });
    await store.deleteEntity("ds", "items", "fuze", { audit: { actor: "alice", action: "entity.delete" } });
    expect(created.before).toBeNull();

    const entries = await store.audit.list();
    expect(entries.map((e) => [e.actor, e.action, e.dataset, e.entity, e.key])).toEqual([
      ["alice", "entity.delete", "ds", "items", "fuze"],
      ["bob", "entity.update", "ds", "items", "fuze"],
      ["alice", "entity.create", "ds", "items", "fuze"],
    ]);
    expect(entries[2]!.before).toBeNull();
    expect(entries[2]!.after).toEqual(fuze);
    expect(entries[1]!.before).toEqual(fuze);
    expect(entries[1]!.after).toEqual(renamed);
    expect(entries[0]!.before).toEqual(renamed);
    expect(entries[0]!.after).toBeNull();
    expect(entries[0]!.id).toBeGreaterThan(entries[1]!.id);
    for (const e of entries) expect(Number.isNaN(Date.parse(e.at))).toBe(false);
  });

  it("records dataset saves, replacements and deletions with their row counts", async () => {
    const store = (await ctx.openFresh()) as KyselyStore;
    const ds = smallDataset("ds");
    const first = await store.saveDataset(ds, { audit: { actor: "alice", action: "dataset.import" } });
    const smaller = {
      ...ds,
      items: ds.items.slice(0, 1),
      bom: [],
      supply: [],
      stocks: [],
      demands: [],
      targets: [],
      contracts: [],
      materials: [],
    };
    // Only the shell item is kept, so nothing may refer to the others.
    smaller.items = ds.items.filter((i) => i.id === "shell-155");
    await store.saveDataset(smaller, { replace: true, audit: { actor: "bob", action: "dataset.import" } });
    await store.deleteDataset("ds", { audit: { actor: "carol", action: "dataset.delete" } });

    const [deleted, replaced, saved] = await store.audit.list();
    expect(saved!.before).toBeNull();
    expect(saved!.after).toEqual(first);
    expect(replaced!.actor).toBe("bob");
    expect((replaced!.before as { counts: { items: number } }).counts.items).toBe(ds.items.length);
    expect((replaced!.after as { counts: { items: number; bom: number } }).counts).toMatchObject({ items: 1, bom: 0 });
    expect(deleted!.dataset).toBe("ds");
    expect((deleted!.before as { counts: { items: number } }).counts.items).toBe(1);
    expect(deleted!.after).toBeNull();
  });

  it("writes nothing, entry included, when the change is refused", async () => {
    const store = (await ctx.openFresh()) as KyselyStore;
    await store.saveDataset(smallDataset("ds"));
    const orphan = { ...fuze, id: "x" };
    // A BOM line to an item that does not exist fails validation inside the transaction.
    await expect(store.putEntity("ds", "bom", { parent: "shell-155", child: "nope", qty: 1 }, { audit: alice })).rejects.toBeInstanceOf(
      ParaatError,
    );
    await expect(store.deleteEntity("ds", "items", "tnt", { audit: alice })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    await expect(store.saveDataset(smallDataset("ds"), { audit: alice })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(store.deleteDataset("missing", { audit: alice })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await auditRows(store)).toBe(0);
    await store.putEntity("ds", "items", orphan);
    expect(await auditRows(store)).toBe(0);
  });

  it("refuses to change or remove an entry, in the database itself", async () => {
    const store = (await ctx.openFresh()) as KyselyStore;
    await store.saveDataset(smallDataset("ds"), { audit: alice });
    await expect(sql`update audit_log set actor = 'mallory'`.execute(store.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(store.db)).rejects.toThrow(/append-only/);
    const [entry] = await store.audit.list();
    expect(entry!.actor).toBe("alice");
    // Deleting the dataset leaves its history.
    await store.deleteDataset("ds");
    expect(await auditRows(store)).toBe(1);
  });

  it("filters by dataset and actor and pages back with before and limit", async () => {
    const store = (await ctx.openFresh()) as KyselyStore;
    await store.saveDataset(smallDataset("a"), { audit: { actor: "alice", action: "dataset.import" } });
    await store.saveDataset(smallDataset("b"), { audit: { actor: "bob", action: "dataset.import" } });
    for (let i = 0; i < 3; i++)
      await store.putEntity("a", "items", { ...fuze, unitValue: i }, { audit: { actor: "bob", action: "entity.update" } });
    const log = store.audit;
    expect((await log.list({ dataset: "a" })).length).toBe(4);
    expect((await log.list({ actor: "bob" })).map((e) => e.dataset)).toEqual(["a", "a", "a", "b"]);
    expect((await log.list({ dataset: "a", actor: "alice" })).map((e) => e.action)).toEqual(["dataset.import"]);
    const page1 = await log.list({ limit: 2 });
    expect(page1.map((e) => (e.after as Item).unitValue)).toEqual([2, 1]);
    const page2 = await log.list({ limit: 2, before: page1[1]!.id });
    expect(page2.map((e) => (e.after as Item | { name: string }).name)).toEqual(["Fuze", "b"]);
    expect(await log.list({ limit: 0 })).toHaveLength(1);
  });
});

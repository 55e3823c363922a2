import { expect, it } from "vitest";
import type { KyselyStore } from "../kysely-store.js";
import { migrateTo, migrateToLatest } from "../migrate.js";
import { smallDataset } from "../test-dataset.js";
import { forEachDialect } from "../test-dialects.js";

const accountTables = ["api_tokens", "audit_log", "sessions", "users"];

forEachDialect("accounts-audit migration", (ctx) => {
  it("adds the account and audit tables, and removes exactly them going down", async () => {
    const store = (await ctx.openFresh()) as KyselyStore;
    await store.saveDataset(smallDataset());
    // The schema as this migration left it, before the later ones.
    await migrateTo(store.db, ctx.dialect, "20261128120000-accounts-audit");
    const names = async (): Promise<string[]> => (await store.db.introspection.getTables()).map((t) => t.name);
    const all = await names();
    for (const t of accountTables) expect(all).toContain(t);

    expect(await migrateTo(store.db, ctx.dialect, "20261128100000-initial-schema")).toEqual(["20261128120000-accounts-audit"]);
    expect((await names()).sort()).toEqual(all.filter((t) => !accountTables.includes(t)).sort());
    // The datasets are untouched by going down and up again.
    expect(await migrateTo(store.db, ctx.dialect, "20261128120000-accounts-audit")).toEqual(["20261128120000-accounts-audit"]);
    expect((await names()).sort()).toEqual([...all].sort());
    await migrateToLatest(store.db, ctx.dialect);
    expect(await store.loadDataset("test-small")).toStrictEqual(smallDataset());
    expect(await store.accounts.countUsers()).toBe(0);
  });
});

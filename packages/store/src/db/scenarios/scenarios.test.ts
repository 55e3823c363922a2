import type { Scenario } from "@paraat/core";
import { expect, it } from "vitest";
import { smallDataset } from "../test-dataset.js";
import { forEachDialect } from "../test-dialects.js";

const audit = { actor: "cli:anna", action: "scenario.save" };

function scenario(name: string, factor = 2): Scenario {
  return { format: "paraat-scenario", version: 1, name, changes: [{ kind: "capacity", supply: "s1", from: "2025-02", factor }] };
}

forEachDialect("scenarios", (ctx) => {
  it("stores scenarios with their dataset: create, replace, list, delete, each audited with its actor", async () => {
    const store = await ctx.openFresh();
    const d = smallDataset("d");
    await store.saveDataset(d);
    const first = await store.scenarios.put("d", scenario("more"), {
      actor: "cli:anna",
      create: true,
      audit,
      now: "2026-12-07T10:00:00.000Z",
    });
    expect(first.before).toBeNull();
    expect(first.after).toMatchObject({ dataset: "d", name: "more", createdBy: "cli:anna", updatedBy: "cli:anna" });
    await expect(store.scenarios.put("d", scenario("more"), { actor: "bob", create: true })).rejects.toMatchObject({ code: "CONFLICT" });
    const second = await store.scenarios.put("d", scenario("more", 3), { actor: "bob", audit: { ...audit, actor: "bob" } });
    expect(second.before!.scenario).toEqual(scenario("more"));
    expect(second.after).toMatchObject({ createdBy: "cli:anna", updatedBy: "bob", createdAt: "2026-12-07T10:00:00.000Z" });
    await store.scenarios.put("d", scenario("another"), { actor: "bob" });
    expect((await store.scenarios.list("d")).map((s) => s.name)).toEqual(["another", "more"]);
    expect((await store.scenarios.get("d", "more")).scenario).toEqual(scenario("more", 3));

    await store.scenarios.delete("d", "more", { audit: { ...audit, actor: "bob", action: "scenario.delete" } });
    await expect(store.scenarios.get("d", "more")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(store.scenarios.delete("d", "more")).rejects.toMatchObject({ code: "NOT_FOUND" });
    const log = await store.audit.list({ dataset: "d" });
    expect(log.map((e) => [e.actor, e.action, e.key])).toEqual([
      ["bob", "scenario.delete", "more"],
      ["bob", "scenario.save", "more"],
      ["cli:anna", "scenario.save", "more"],
    ]);
  });

  it("keeps scenarios when the dataset is replaced and deletes them with it", async () => {
    const store = await ctx.openFresh();
    await store.saveDataset(smallDataset("d"));
    await store.scenarios.put("d", scenario("s"), { actor: "a" });
    await store.saveDataset(smallDataset("d"), { replace: true });
    expect((await store.scenarios.list("d")).map((s) => s.name)).toEqual(["s"]);
    await store.deleteDataset("d");
    await expect(store.scenarios.list("d")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await store.saveDataset(smallDataset("d"));
    expect(await store.scenarios.list("d")).toEqual([]);
  });
});

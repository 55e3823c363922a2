import { ParaatError, type Dataset, type Item } from "@paraat/core";
import { expect, it } from "vitest";
import type { Store } from "../store.js";
import { smallDataset } from "./test-dataset.js";
import { forEachDialect } from "./test-dialects.js";

async function caught(p: Promise<unknown>): Promise<ParaatError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ParaatError) return e;
    throw e;
  }
  throw new Error("expected a ParaatError, nothing was thrown");
}

async function seeded(store: Store): Promise<Dataset> {
  const dataset = smallDataset("ds");
  await store.saveDataset(dataset);
  return dataset;
}

const newItem: Item = { id: "fuze", name: "Fuze", kind: "component", unit: "pcs", unitValue: 0.1 + 0.7 };

forEachDialect("entity changes", (ctx) => {
  it("putEntity appends a new row at the end and reports before/after", async () => {
    const store = await ctx.openFresh();
    const original = await seeded(store);
    const before = (await store.listDatasets())[0]!;
    await new Promise((r) => setTimeout(r, 5));
    const change = await store.putEntity("ds", "items", newItem);
    expect(change).toEqual({ entity: "items", key: "fuze", before: null, after: newItem });
    const loaded = await store.loadDataset("ds");
    expect(loaded).toStrictEqual({ ...original, items: [...original.items, newItem] });
    const after = (await store.listDatasets())[0]!;
    expect(after.counts.items).toBe(5);
    expect(after.updatedAt > before.updatedAt).toBe(true);
    expect(after.createdAt).toBe(before.createdAt);
  });

  it("putEntity replaces a row in place, dropping fields the new row leaves out", async () => {
    const store = await ctx.openFresh();
    const original = await seeded(store);
    const shell = original.items[0]!;
    const changed: Item = { id: shell.id, name: "155 mm shell (M107)", kind: "end-item", unit: "pcs", unitValue: 2999.99 }; // no nsn
    const change = await store.putEntity("ds", "items", changed);
    expect(change.before).toStrictEqual(shell);
    expect(change.after).toStrictEqual(changed);
    const loaded = await store.loadDataset("ds");
    expect(loaded.items).toStrictEqual([changed, ...original.items.slice(1)]);
    expect("nsn" in loaded.items[0]!).toBe(false);
  });

  it("putEntity on a compound key (bom) replaces the matching line only", async () => {
    const store = await ctx.openFresh();
    const original = await seeded(store);
    const change = await store.putEntity("ds", "bom", { parent: "shell-155", child: "tnt", qty: 11 });
    expect(change.key).toBe("shell-155/tnt");
    expect(change.before).toStrictEqual(original.bom[1]);
    const loaded = await store.loadDataset("ds");
    expect(loaded.bom).toStrictEqual([original.bom[0], { parent: "shell-155", child: "tnt", qty: 11 }, original.bom[2]]);
  });

  it("putEntity rejects a row that breaks the dataset and writes nothing", async () => {
    const store = await ctx.openFresh();
    const original = await seeded(store);
    const stamp = (await store.listDatasets())[0]!.updatedAt;
    const err = await caught(store.putEntity("ds", "sites", { id: "site-x", company: "nobody", country: "XX", name: "Ghost" }));
    expect(err.code).toBe("VALIDATION_FAILED");
    const issues = (err.details as { issues: { entity: string; field: string; value: unknown }[] }).issues;
    expect(issues.map((i) => [i.entity, i.field, i.value])).toEqual([
      ["sites", "company", "nobody"],
      ["sites", "country", "XX"],
    ]);
    expect(err.message).toContain('cannot save sites "site-x"');
    expect(await store.loadDataset("ds")).toStrictEqual(original);
    expect((await store.listDatasets())[0]!.updatedAt).toBe(stamp);
  });

  it("putEntity rejects a malformed row (strict fields) and writes nothing", async () => {
    const store = await ctx.openFresh();
    const original = await seeded(store);
    const bad = { ...original.items[1]!, unitValue: -1, colour: "red" } as unknown as Item;
    const err = await caught(store.putEntity("ds", "items", bad));
    expect(err.code).toBe("VALIDATION_FAILED");
    expect(await store.loadDataset("ds")).toStrictEqual(original);
  });

  it("deleteEntity removes one row by its key", async () => {
    const store = await ctx.openFresh();
    const original = await seeded(store);
    const change = await store.deleteEntity("ds", "bom", "shell-155/tnt");
    expect(change).toEqual({ entity: "bom", key: "shell-155/tnt", before: original.bom[1], after: null });
    const loaded = await store.loadDataset("ds");
    expect(loaded).toStrictEqual({ ...original, bom: [original.bom[0], original.bom[2]] });
    // A new row after a delete still goes to the end.
    await store.putEntity("ds", "bom", { parent: "shell-155", child: "tnt", qty: 2 });
    expect((await store.loadDataset("ds")).bom.map((b) => `${b.parent}/${b.child}`)).toEqual([
      "shell-155/body",
      "body/antimony",
      "shell-155/tnt",
    ]);
  });

  it("deleteEntity refuses to remove a row others refer to and writes nothing", async () => {
    const store = await ctx.openFresh();
    const original = await seeded(store);
    const err = await caught(store.deleteEntity("ds", "items", "tnt"));
    expect(err.code).toBe("VALIDATION_FAILED");
    const issues = (err.details as { issues: { entity: string; id?: string; field: string }[] }).issues;
    // tnt is used by a BOM line, a supply, a target and a contract.
    expect(issues.map((i) => `${i.entity}:${i.id}:${i.field}`).sort()).toEqual(
      ["bom:shell-155/tnt:child", "contracts:k-single:items[0]", "supply:sup-tnt:item", "targets:t-plain:item"].sort(),
    );
    expect(await store.loadDataset("ds")).toStrictEqual(original);
  });

  it("reports unknown datasets and keys as NOT_FOUND", async () => {
    const store = await ctx.openFresh();
    await seeded(store);
    expect((await caught(store.deleteEntity("ds", "items", "nope"))).code).toBe("NOT_FOUND");
    expect((await caught(store.deleteEntity("other", "items", "tnt"))).code).toBe("NOT_FOUND");
    expect((await caught(store.putEntity("other", "items", newItem))).code).toBe("NOT_FOUND");
  });
});

forEachDialect("entity changes, concurrent", (ctx) => {
  it("serialises concurrent edits of one dataset: every row lands, each with its own position", async () => {
    const store = await ctx.openFresh();
    const original = await seeded(store);
    const added: Item[] = Array.from({ length: 6 }, (_, i) => ({
      id: `new-${i}`,
      name: `New ${i}`,
      kind: "component",
      unit: "pcs",
      unitValue: i,
    }));
    const results = await Promise.all(added.map((item) => store.putEntity("ds", "items", item)));
    expect(results.map((r) => r.before)).toEqual(added.map(() => null));
    const loaded = await store.loadDataset("ds");
    expect(loaded.items.slice(0, original.items.length)).toStrictEqual(original.items);
    expect(
      loaded.items
        .slice(original.items.length)
        .map((i) => i.id)
        .sort(),
    ).toEqual(added.map((i) => i.id));
  });
});

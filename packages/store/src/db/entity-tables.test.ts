import { entityKeys, entityNames, entitySchemas } from "@paraat/core";
import { describe, expect, it } from "vitest";
import { entityTables } from "./entity-tables.js";

describe("entity tables", () => {
  it.each(entityNames)("%s has one column per model field, in model order, with the model's optionality and key", (e) => {
    const shape = entitySchemas[e].shape as Record<string, { safeParse(v: unknown): { success: boolean } }>;
    const columns = entityTables[e];
    expect(columns.map((c) => c.field)).toEqual(Object.keys(shape));
    for (const c of columns) expect([c.field, c.optional]).toEqual([c.field, shape[c.field]!.safeParse(undefined).success]);
    expect(columns.filter((c) => c.key).map((c) => c.field)).toEqual(entityKeys[e]);
  });

  it("gives every column a distinct snake_case name", () => {
    for (const e of entityNames) {
      const names = entityTables[e].map((c) => c.column);
      expect(new Set(names).size).toBe(names.length);
      for (const n of names) expect(n).toMatch(/^[a-z][a-z0-9_]*$/);
    }
    expect(entityTables.items.find((c) => c.field === "unitValue")?.column).toBe("unit_value");
    expect(entityTables.targets.find((c) => c.field === "by")?.column).toBe("by_month");
  });
});

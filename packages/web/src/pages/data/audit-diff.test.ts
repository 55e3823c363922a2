import { describe, expect, it } from "vitest";
import { brief, changedFields } from "./audit-diff.js";

describe("changedFields", () => {
  it("lists only the fields that differ, nested values compared whole", () => {
    const before = { id: "s1", leadTime: 2, capacity: [{ from: "2025-01", perPeriod: 10 }], note: "x" };
    const after = { id: "s1", leadTime: 3, capacity: [{ from: "2025-01", perPeriod: 10 }] };
    expect(changedFields(before, after)).toEqual([
      { field: "leadTime", before: 2, after: 3 },
      { field: "note", before: "x", after: undefined },
    ]);
  });

  it("lists every field of a created row", () => {
    expect(changedFields(null, { id: "a", qty: 1 })).toEqual([
      { field: "id", before: undefined, after: "a" },
      { field: "qty", before: undefined, after: 1 },
    ]);
  });

  it("shortens long values", () => {
    expect(brief("a".repeat(100), 10)).toBe("aaaaaaaaa…");
    expect(brief([1, 2])).toBe("[1,2]");
    expect(brief(undefined)).toBe("—");
  });
});

import { describe, expect, it } from "vitest";
import { fieldsOf, rowKey, rowToValues, topField, valuesToRow } from "./entity-fields.js";

describe("entity fields", () => {
  it("lists the key fields first as the data model defines them", () => {
    expect(fieldsOf("bom").map(([n]) => n)).toEqual(["parent", "child", "qty", "sources", "illustrative", "note"]);
    expect(rowKey("bom", { parent: "shell", child: "tnt", qty: 1 })).toBe("shell/tnt");
    expect(rowKey("countries", { code: "NL" })).toBe("NL");
  });

  it("round-trips a supply row with nested capacity through the form", () => {
    const row = {
      id: "s1",
      item: "shell",
      site: "a",
      leadTime: 2,
      unitCost: 4800,
      capacity: [{ from: "2025-01", perPeriod: 104 }],
      sources: ["x", "y"],
      illustrative: true,
    };
    const values = rowToValues("supply", row);
    expect(values.sources).toBe("x, y");
    expect(values.note).toBe("");
    expect(valuesToRow("supply", values)).toEqual({ row, errors: [] });
  });

  it("reports each field the form cannot read, and leaves empty optional fields out", () => {
    const { row, errors } = valuesToRow("demands", {
      id: "d1",
      item: "",
      consumer: "nl",
      qty: "ten",
      due: "2025-13",
      priority: "1.5",
      note: "",
    });
    expect(errors).toEqual([
      { field: "item", message: "form.required" },
      { field: "qty", message: "form.number" },
      { field: "due", message: "form.month" },
      { field: "priority", message: "form.integer" },
    ]);
    expect(row).toEqual({ id: "d1", consumer: "nl" });
  });

  it("reads a decimal comma, upper-cases country codes and rejects bad JSON and unknown options", () => {
    expect(valuesToRow("bom", { parent: "a", child: "b", qty: "1,5" }).row.qty).toBe(1.5);
    expect(valuesToRow("sites", { id: "s", company: "c", country: "nl", name: "n" }).row.country).toBe("NL");
    const r = valuesToRow("companies", { id: "c", name: "C", country: "NL", base: "", owners: "[{", clearance: "maybe" });
    expect(r.errors).toEqual([
      { field: "owners", message: "form.json" },
      { field: "clearance", message: "form.option" },
    ]);
    expect(r.row.base).toEqual([]);
  });

  it("maps a nested issue path to its top-level field", () => {
    expect(topField("capacity[1].perPeriod")).toBe("capacity");
    expect(topField("owners.0.share")).toBe("owners");
    expect(topField("name")).toBe("name");
  });
});

import { datasetSchema, entityNames, entitySchemas, materialSchema, materialStageSchema } from "@paraat/core";
import { describe, expect, it } from "vitest";
import { columnLetter, datasetColumns, entityColumns, type Column } from "./columns.js";

type Shape = Record<string, { def: { type: string } }>;
const shapeOf = (s: unknown): Shape => (s as { shape: Shape }).shape;
const fields = (cols: readonly Column[]): string[] => cols.map((c) => c.field);
const optionalFields = (shape: Shape): string[] => Object.keys(shape).filter((k) => shape[k]!.def.type === "optional");

describe("column mapping", () => {
  it("has one column per schema field, in schema order, optional exactly where the schema is", () => {
    for (const name of entityNames) {
      if (name === "materials") continue;
      const shape = shapeOf(entitySchemas[name]);
      expect(fields(entityColumns[name]), name).toEqual(Object.keys(shape));
      expect(
        entityColumns[name].filter((c) => c.optional).map((c) => c.field),
        name,
      ).toEqual(optionalFields(shape));
      expect(
        entityColumns[name].map((c) => c.header),
        name,
      ).toEqual(Object.keys(shape));
    }
  });

  it("splits materials into stage columns and repeated material columns that together cover both schemas", () => {
    const cols = entityColumns.materials;
    const stage = cols.filter((c) => c.level === "stage");
    const material = cols.filter((c) => c.level === "material");
    expect(stage.length + material.length).toBe(cols.length);
    expect(fields(stage)).toEqual(Object.keys(shapeOf(materialStageSchema)));
    expect(fields(material).sort()).toEqual(
      Object.keys(shapeOf(materialSchema))
        .filter((k) => k !== "stages")
        .sort(),
    );
    expect(cols.map((c) => c.header)).toEqual([
      "item",
      "stage",
      "globalSupply",
      "euSourcing",
      "importReliance",
      "eolRir",
      "substitution",
      "sources",
      "illustrative",
      "note",
      "tradeAdjustment",
      "economicImportance",
      "material.sources",
      "material.illustrative",
      "material.note",
    ]);
  });

  it("puts the dataset header fields in one row, horizon flattened", () => {
    const header = Object.keys(shapeOf(datasetSchema)).filter((k) => !(entityNames as readonly string[]).includes(k));
    expect(header).toEqual(["format", "version", "name", "description", "horizon"]);
    expect(datasetColumns.map((c) => c.header)).toEqual(["format", "version", "name", "description", "horizon.start", "horizon.periods"]);
  });
});

describe("columnLetter", () => {
  it("counts like a spreadsheet", () => {
    expect([0, 3, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(["A", "D", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]);
  });
});

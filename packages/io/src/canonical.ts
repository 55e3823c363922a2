/**
 * Canonical key order for export: object keys in the order the zod schema declares them, so the
 * JSON file reads header first and then the collections in `entityNames` order, and each row in
 * its schema's field order. Walks zod's public `def` so new fields are picked up without edits here.
 */
import { datasetSchema, type Dataset } from "@paraat/core";

interface SchemaDef {
  def: { type: string; shape?: Record<string, SchemaDef>; element?: SchemaDef; innerType?: SchemaDef; valueType?: SchemaDef };
}

function canonical(schema: SchemaDef | undefined, value: unknown): unknown {
  if (value === null || typeof value !== "object" || schema === undefined) return value;
  const def = schema.def;
  switch (def.type) {
    case "optional":
    case "default":
    case "nullable":
      return canonical(def.innerType, value);
    case "array":
      return Array.isArray(value) ? value.map((v: unknown) => canonical(def.element, v)) : value;
    case "record":
      // Record keys (country shares) keep the order the user gave them.
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, canonical(def.valueType, v)]));
    case "object": {
      const shape = def.shape ?? {};
      const out: [string, unknown][] = [];
      const obj = value as Record<string, unknown>;
      for (const key of Object.keys(shape)) if (obj[key] !== undefined) out.push([key, canonical(shape[key], obj[key])]);
      // Keys the schema does not know (there are none in a validated dataset) go last, unchanged.
      for (const key of Object.keys(obj)) if (!(key in shape) && obj[key] !== undefined) out.push([key, obj[key]]);
      return Object.fromEntries(out);
    }
    default:
      return value;
  }
}

/** A copy of the dataset with every object's keys in schema order and absent optional fields left out. */
export function canonicalDataset(dataset: Dataset): Dataset {
  return canonical(datasetSchema, dataset) as Dataset;
}

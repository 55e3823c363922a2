/**
 * The fields of each entity collection, for the generic row editor: type, whether required, and
 * the allowed values. Checked against core's types at compile time: a field core adds or renames
 * makes this file fail to type-check, so the form cannot silently drift from the data model.
 */
import type { EntityName, EntityOf } from "@paraat/core";
import { clearances, contractKinds, entityNames, itemKinds } from "@paraat/core/shared";

export type FieldType = "text" | "number" | "integer" | "boolean" | "month" | "country" | "enum" | "list" | "json";

export interface FieldSpec {
  type: FieldType;
  required: boolean;
  /** For enums. */
  options?: readonly string[];
  /** Part of the row's key. */
  key?: boolean;
}

type Specs<N extends EntityName> = { [K in keyof EntityOf<N> & string]-?: FieldSpec };

const req = (type: FieldType, extra: Partial<FieldSpec> = {}): FieldSpec => ({ type, required: true, ...extra });
const opt = (type: FieldType, extra: Partial<FieldSpec> = {}): FieldSpec => ({ type, required: false, ...extra });
const id: FieldSpec = req("text", { key: true });
const provenance = { sources: opt("list"), illustrative: opt("boolean"), note: opt("text") };

/** The collections in canonical order: core's own list, not a copy. */
export const entityList = entityNames;

export const entityFields: { [N in EntityName]: Specs<N> } = {
  sources: { id, title: req("text"), url: opt("text"), publisher: opt("text"), date: opt("text"), note: opt("text") },
  countries: {
    code: req("country", { key: true }),
    name: req("text"),
    eu: req("boolean"),
    nato: req("boolean"),
    concern: req("boolean"),
    wgi: opt("number"),
    ...provenance,
  },
  companies: {
    id,
    name: req("text"),
    country: req("country"),
    base: req("list"),
    owners: req("json"),
    clearance: req("enum", { options: clearances }),
    ...provenance,
  },
  sites: { id, company: req("text"), country: req("country"), name: req("text"), ...provenance },
  items: {
    id,
    name: req("text"),
    kind: req("enum", { options: itemKinds }),
    unit: req("text"),
    unitValue: req("number"),
    nsn: opt("text"),
    ...provenance,
  },
  bom: { parent: req("text", { key: true }), child: req("text", { key: true }), qty: req("number"), ...provenance },
  supply: {
    id,
    item: req("text"),
    site: req("text"),
    leadTime: req("integer"),
    unitCost: req("number"),
    capacity: req("json"),
    ...provenance,
  },
  stocks: { item: req("text", { key: true }), holder: req("text", { key: true }), qty: req("number"), ...provenance },
  consumers: { id, name: req("text"), country: req("country"), priority: req("integer"), ...provenance },
  demands: { id, item: req("text"), consumer: req("text"), qty: req("number"), due: req("month"), priority: opt("integer"), ...provenance },
  targets: {
    id,
    item: req("text"),
    consumer: req("text"),
    level: req("number"),
    by: req("month"),
    usagePerPeriod: opt("number"),
    ...provenance,
  },
  contracts: {
    id,
    kind: req("enum", { options: contractKinds }),
    supplier: req("text"),
    items: req("list"),
    buyers: req("list"),
    start: req("month"),
    end: req("month"),
    value: opt("number"),
    ...provenance,
  },
  materials: {
    item: req("text", { key: true }),
    stages: req("json"),
    tradeAdjustment: opt("json"),
    economicImportance: opt("number"),
    ...provenance,
  },
};

export function fieldsOf(entity: EntityName): [string, FieldSpec][] {
  return Object.entries(entityFields[entity] as Record<string, FieldSpec>);
}

/** The row's key as the API names it: its key fields' values joined by "/" (core's entityKey). */
export function rowKey(entity: EntityName, row: Record<string, unknown>): string {
  return fieldsOf(entity)
    .filter(([, s]) => s.key)
    .map(([name]) => scalarText(row[name]))
    .join("/");
}

export type FormValues = Record<string, string>;

/** A scalar as text; anything else (a stray object) as JSON, so nothing shows as "[object Object]". */
function scalarText(v: unknown): string {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return v === undefined || v === null ? "" : JSON.stringify(v);
}

/** A row as the editor's text fields show it. */
export function rowToValues(entity: EntityName, row: Record<string, unknown>): FormValues {
  const out: FormValues = {};
  for (const [name, spec] of fieldsOf(entity)) {
    const v = row[name];
    if (v === undefined || v === null) out[name] = spec.type === "json" && spec.required ? "[]" : "";
    else if (spec.type === "json") out[name] = JSON.stringify(v, null, 2);
    else if (spec.type === "list") out[name] = Array.isArray(v) ? v.map(scalarText).join(", ") : scalarText(v);
    else out[name] = scalarText(v);
  }
  return out;
}

export interface FieldError {
  field: string;
  /** A message key of the dictionary (`form.*`), so it is shown in the user's language. */
  message: "form.required" | "form.number" | "form.integer" | "form.month" | "form.country" | "form.json" | "form.option" | "form.boolean";
}

/**
 * The editor's text back into a row. Only the form's own checks (is it a number, is it JSON) happen
 * here; the data model's rules are the server's, and its errors are shown per field too.
 */
export function valuesToRow(entity: EntityName, values: FormValues): { row: Record<string, unknown>; errors: FieldError[] } {
  const row: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  for (const [name, spec] of fieldsOf(entity)) {
    const raw = (values[name] ?? "").trim();
    if (raw === "") {
      if (spec.required && spec.type === "list") row[name] = [];
      else if (spec.required) errors.push({ field: name, message: "form.required" });
      continue;
    }
    switch (spec.type) {
      case "text":
        row[name] = raw;
        break;
      case "number":
      case "integer": {
        // Accept a decimal comma as Dutch users type it, when there is no dot.
        const n = Number(raw.includes(".") ? raw : raw.replace(",", "."));
        if (!Number.isFinite(n)) errors.push({ field: name, message: "form.number" });
        else if (spec.type === "integer" && !Number.isInteger(n)) errors.push({ field: name, message: "form.integer" });
        else row[name] = n;
        break;
      }
      case "boolean":
        if (raw === "true" || raw === "false") row[name] = raw === "true";
        else errors.push({ field: name, message: "form.boolean" });
        break;
      case "month":
        if (/^\d{4}-(0[1-9]|1[0-2])$/.test(raw)) row[name] = raw;
        else errors.push({ field: name, message: "form.month" });
        break;
      case "country":
        if (/^[A-Za-z]{2}$/.test(raw)) row[name] = raw.toUpperCase();
        else errors.push({ field: name, message: "form.country" });
        break;
      case "enum":
        if (spec.options?.includes(raw)) row[name] = raw;
        else errors.push({ field: name, message: "form.option" });
        break;
      case "list":
        row[name] = raw
          .split(",")
          .map((s) => s.trim())
          .filter((s) => s !== "");
        break;
      case "json":
        try {
          row[name] = JSON.parse(raw) as unknown;
        } catch {
          errors.push({ field: name, message: "form.json" });
        }
        break;
    }
  }
  return { row, errors };
}

/** The top-level field a server issue is about: "capacity[1].perPeriod" → "capacity". */
export function topField(field: string): string {
  return field.split(/[.[]/, 1)[0] ?? field;
}

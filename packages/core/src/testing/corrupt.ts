/**
 * `arbCorruption(dataset)`: one random mistake a user could make, planted in a copy of a valid
 * dataset, together with the row and field it sits in — for testing that importers and services
 * reject it and point at the right place.
 */
import fc from "fast-check";
import { addMonths } from "../month.js";
import type { Dataset, EntityName } from "../model/schema.js";

export const corruptionKinds = [
  "negative",
  "text-in-number",
  "unknown-reference",
  "bad-month",
  "outside-horizon",
  "duplicate-key",
  "share-sum",
] as const;
export type CorruptionKind = (typeof corruptionKinds)[number];

export interface Corruption {
  kind: CorruptionKind;
  entity: EntityName;
  /** Position of the broken row in its collection. */
  index: number;
  /** The broken field as validation names it: "qty", "id", "stages[1].globalSupply". */
  field: string;
  /** A deep copy of the input with the mistake in it. Not a valid Dataset, whatever its type says. */
  dataset: Dataset;
}

type Row = Record<string, unknown>;
type Plant = { kind: CorruptionKind; entity: EntityName; index: number; field: string; apply: (d: Dataset) => void };

const NUMERIC: [EntityName, string][] = [
  ["items", "unitValue"],
  ["bom", "qty"],
  ["supply", "unitCost"],
  ["supply", "leadTime"],
  ["stocks", "qty"],
  ["consumers", "priority"],
  ["demands", "qty"],
  ["targets", "level"],
];
const REFERENCES: [EntityName, string][] = [
  ["companies", "country"],
  ["sites", "company"],
  ["sites", "country"],
  ["bom", "child"],
  ["supply", "item"],
  ["supply", "site"],
  ["stocks", "item"],
  ["consumers", "country"],
  ["demands", "item"],
  ["demands", "consumer"],
  ["targets", "consumer"],
  ["contracts", "supplier"],
];
const MONTHS: [EntityName, string][] = [
  ["demands", "due"],
  ["targets", "by"],
];
const KEYED: [EntityName, string][] = [
  ["countries", "code"],
  ["companies", "id"],
  ["items", "id"],
  ["consumers", "id"],
  ["demands", "id"],
  ["contracts", "id"],
];

const rowsOf = (d: Dataset, entity: EntityName): Row[] => d[entity];

/** Every mistake that can be planted in this dataset. */
function plants(d: Dataset): Plant[] {
  const out: Plant[] = [];
  const each = (entity: EntityName, fn: (index: number) => void): void => rowsOf(d, entity).forEach((_, i) => fn(i));
  const set = (entity: EntityName, index: number, field: string, value: (old: unknown) => unknown) => (x: Dataset) => {
    const row = rowsOf(x, entity)[index]!;
    row[field] = value(row[field]);
  };
  for (const [entity, field] of NUMERIC)
    each(entity, (index) => {
      out.push({ kind: "negative", entity, index, field, apply: set(entity, index, field, (v) => -1 - Math.abs(Number(v))) });
      out.push({ kind: "text-in-number", entity, index, field, apply: set(entity, index, field, () => "lots") });
    });
  for (const [entity, field] of REFERENCES)
    each(entity, (index) =>
      out.push({ kind: "unknown-reference", entity, index, field, apply: set(entity, index, field, () => "no-such-ref") }),
    );
  for (const [entity, field] of MONTHS)
    each(entity, (index) => {
      out.push({ kind: "bad-month", entity, index, field, apply: set(entity, index, field, () => "2025-13") });
      out.push({ kind: "outside-horizon", entity, index, field, apply: set(entity, index, field, () => addMonths(d.horizon.start, -1)) });
    });
  for (const [entity, field] of KEYED)
    each(entity, (index) => {
      if (index > 0)
        out.push({ kind: "duplicate-key", entity, index, field, apply: set(entity, index, field, () => rowsOf(d, entity)[0]![field]) });
    });
  d.materials.forEach((m, index) =>
    m.stages.forEach((_, j) =>
      out.push({
        kind: "share-sum",
        entity: "materials",
        index,
        field: `stages[${j}].globalSupply`,
        apply: (x) => {
          const stage = x.materials[index]!.stages[j]!;
          stage.globalSupply = Object.fromEntries(Object.entries(stage.globalSupply).map(([c, s]) => [c, s / 2]));
        },
      }),
    ),
  );
  return out;
}

/** One random mistake planted in a copy of `dataset`; the dataset needs at least one numeric row (items, bom, ...). */
export function arbCorruption(dataset: Dataset): fc.Arbitrary<Corruption> {
  const all = plants(dataset);
  if (all.length === 0) throw new RangeError("arbCorruption: the dataset has no row to corrupt");
  // A kind first, then a place, so rare kinds (share sums) come up as often as common ones.
  const kinds = [...new Set(all.map((p) => p.kind))];
  return fc
    .constantFrom(...kinds)
    .chain((kind) => fc.constantFrom(...all.filter((p) => p.kind === kind)))
    .map(({ apply, ...where }) => {
      const copy = structuredClone(dataset);
      apply(copy);
      return { ...where, dataset: copy };
    });
}

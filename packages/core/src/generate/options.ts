/** Options of the synthetic generator, their checks, the item count they produce, and the presets. */
import { ParaatError } from "../errors.js";
import { isMonth } from "../month.js";
import type { ItemKind } from "../model/schema.js";
import { MAX_COUNTRIES } from "./countries.js";

export interface GenerateOptions {
  /** Number of end items (the top layer of the BOM). */
  endItems: number;
  /** BOM tiers below the end items (1…10): 3 is end item → component → material → raw material; more adds component tiers. */
  depth: number;
  /** Number of production sites. */
  sites: number;
  /** Number of countries (1…MAX_COUNTRIES). */
  countries: number;
  /** Number of monthly periods in the horizon. */
  periods: number;
  /** Same seed, same dataset (an integer). */
  seed: number;
  /** First month of the horizon; default "2025-01". */
  start?: string;
  /** Dataset name; default derived from the options. */
  name?: string;
}

export const DEFAULT_START = "2025-01";
export const MIN_DEPTH = 1;
export const MAX_DEPTH = 10;
const MAX_COUNT = 1_000_000;

export type PresetName = "small" | "medium" | "large";
export const presetNames = ["small", "medium", "large"] as const satisfies readonly PresetName[];

/** Goals for the total number of items (all kinds) of each preset. */
export const presetItemGoals: Record<PresetName, number> = { small: 100, medium: 1_000, large: 10_000 };

export const presets: Record<PresetName, GenerateOptions> = {
  small: { endItems: 16, depth: 3, sites: 12, countries: 12, periods: 60, seed: 1, name: "synthetic-small" },
  medium: { endItems: 175, depth: 3, sites: 120, countries: 30, periods: 60, seed: 1, name: "synthetic-medium" },
  large: { endItems: 1_780, depth: 3, sites: 1_000, countries: 45, periods: 60, seed: 1, name: "synthetic-large" },
};

/** Kinds of the depth + 1 BOM layers, top to bottom: end items, components (depth − 2 tiers), material, raw material. */
export function layerKinds(depth: number): ItemKind[] {
  const kinds: ItemKind[] = ["end-item"];
  for (let i = 0; i < depth - 2; i++) kinds.push("component");
  if (depth >= 2) kinds.push("material");
  kinds.push("raw-material");
  return kinds;
}

/**
 * Items per layer. Each component layer holds three parts per end item and the material layer one and
 * a half; raw materials grow with the square root, so a large network draws on a few hundred of them.
 */
export function itemLayerSizes(endItems: number, depth: number): number[] {
  return layerKinds(depth).map((kind) => {
    switch (kind) {
      case "end-item":
        return endItems;
      case "component":
        return 3 * endItems;
      case "material":
        return Math.ceil(1.5 * endItems);
      case "raw-material":
        return Math.max(2, Math.round(4 * Math.sqrt(endItems)));
    }
  });
}

/** How many items (all kinds) `generateDataset` produces for these options. */
export function generatedItemCount(options: Pick<GenerateOptions, "endItems" | "depth">): number {
  return itemLayerSizes(options.endItems, options.depth).reduce((a, b) => a + b, 0);
}

/** The number of end items whose dataset comes closest to `items` items in total at this depth. */
export function endItemsForItemCount(items: number, depth: number): number {
  let best = 1;
  let lo = 1;
  let hi = Math.max(1, items);
  while (lo <= hi) {
    const mid = Math.floor((lo + hi) / 2);
    const n = generatedItemCount({ endItems: mid, depth });
    if (Math.abs(n - items) < Math.abs(generatedItemCount({ endItems: best, depth }) - items)) best = mid;
    if (n < items) lo = mid + 1;
    else hi = mid - 1;
  }
  return best;
}

function invalid(field: string, value: unknown, expected: string): ParaatError {
  return new ParaatError("INVALID_ARGUMENT", `generate: ${field} must be ${expected}, got ${JSON.stringify(value)}`, {
    details: { field, value, expected },
  });
}

/** Checks the options and fills the defaults; throws INVALID_ARGUMENT naming the first wrong field. */
export function resolveOptions(options: GenerateOptions): Required<GenerateOptions> {
  const int = (field: keyof GenerateOptions, min: number, max: number): void => {
    const v = options[field];
    if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > max) throw invalid(field, v, `an integer from ${min} to ${max}`);
  };
  int("endItems", 1, MAX_COUNT);
  int("depth", MIN_DEPTH, MAX_DEPTH);
  int("sites", 1, MAX_COUNT);
  int("countries", 1, MAX_COUNTRIES);
  int("periods", 1, 600);
  const { seed } = options;
  if (typeof seed !== "number" || !Number.isSafeInteger(seed)) throw invalid("seed", seed, "an integer");
  const start = options.start ?? DEFAULT_START;
  if (!isMonth(start)) throw invalid("start", start, "a month as YYYY-MM");
  const name = options.name ?? `synthetic-e${options.endItems}-d${options.depth}-s${String(seed)}`;
  if (typeof name !== "string" || name.length < 1 || name.length > 200) throw invalid("name", name, "a name of 1 to 200 characters");
  return { ...options, start, name };
}

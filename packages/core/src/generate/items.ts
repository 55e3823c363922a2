/**
 * Items in layers and a bill of materials between them. Each parent takes children from the next layer
 * (and now and then from a deeper one, e.g. a component that uses a raw material directly), so the BOM
 * has no cycles by construction. Every child gets at least one parent; further children are drawn with a
 * power law, so a few components and raw materials are shared by very many parents.
 */
import type { BomLine, Item, ItemKind } from "../model/schema.js";
import { itemLayerSizes, layerKinds } from "./options.js";
import { type Rng, ZipfPicker } from "./random.js";

const NAMES: Record<ItemKind, readonly string[]> = {
  "end-item": [
    "155 mm round",
    "120 mm round",
    "81 mm mortar bomb",
    "5.56 mm cartridge",
    "Interceptor",
    "Guided rocket",
    "Loitering drone",
    "Radar",
    "Armoured vehicle",
    "Anti-tank missile",
  ],
  component: [
    "Fuze",
    "Primer",
    "Shell body",
    "Propellant charge",
    "Guidance unit",
    "Seeker",
    "Rocket motor",
    "Casing",
    "Circuit board",
    "Battery",
    "Gearbox",
    "Optics",
    "Warhead",
    "Driving band",
    "Detonator",
    "Actuator",
  ],
  material: [
    "Steel bar",
    "Nitrocellulose",
    "TNT",
    "Aluminium alloy",
    "Copper strip",
    "Titanium alloy",
    "Explosive fill",
    "Composite fibre",
    "Tungsten alloy",
    "Brass",
    "Lead azide",
    "Armour plate",
  ],
  "raw-material": [
    "Antimony",
    "Tungsten",
    "Natural graphite",
    "Titanium",
    "Aluminium",
    "Copper",
    "Nickel",
    "Cobalt",
    "Gallium",
    "Germanium",
    "Rare earths",
    "Magnesium",
    "Cotton linters",
    "Iron ore",
    "Chromium",
    "Molybdenum",
    "Manganese",
    "Nitric acid",
  ],
};

const PREFIX: Record<ItemKind, string> = { "end-item": "end", component: "comp", material: "mat", "raw-material": "raw" };

export interface ItemNetwork {
  items: Item[];
  bom: BomLine[];
  /** Item indices per layer, top (end items) first. */
  layers: number[][];
  /** Per item: indices of its BOM children and the quantities, aligned. */
  children: number[][];
  childQty: number[][];
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function bomQty(parent: ItemKind, child: ItemKind, rng: Rng): number {
  if (child === "component") {
    const r = rng.next();
    return r < 0.6 ? 1 : r < 0.9 ? rng.int(2, 4) : rng.int(5, 12);
  }
  const q = child === "material" ? rng.logUniform(0.05, 25) : parent === "material" ? rng.float(0.02, 1.2) : rng.logUniform(0.01, 5);
  return Math.max(0.001, round(q, 3));
}

export function generateItems(endItems: number, depth: number, rng: Rng): ItemNetwork {
  const kinds = layerKinds(depth);
  const sizes = itemLayerSizes(endItems, depth);
  const items: Item[] = [];
  const layers: number[][] = [];
  const kindOf: ItemKind[] = [];
  sizes.forEach((size, layer) => {
    const kind = kinds[layer]!;
    const names = NAMES[kind];
    const prefix = kind === "component" && depth > 3 ? `${PREFIX[kind]}${layer}` : PREFIX[kind];
    const width = String(size).length;
    const indices: number[] = [];
    for (let i = 0; i < size; i++) {
      const base = names[i % names.length]!;
      const variant = Math.floor(i / names.length);
      const item: Item = {
        id: `${prefix}-${String(i + 1).padStart(width, "0")}`,
        name: variant === 0 ? base : `${base} type ${variant + 1}`,
        kind,
        unit: kind === "material" || kind === "raw-material" ? "kg" : "pc",
        unitValue: 0,
      };
      if (kind === "end-item")
        item.nsn = `${rng.pick(["1315", "1320", "1340", "1410", "1550", "5840"])}-17-${rng.int(100, 999)}-${rng.int(1000, 9999)}`;
      indices.push(items.length);
      kindOf.push(kind);
      items.push(item);
    }
    layers.push(indices);
  });

  const children: number[][] = items.map(() => []);
  const childQty: number[][] = items.map(() => []);
  const bom: BomLine[] = [];
  const pickers = new Map<number, ZipfPicker>();
  const picker = (layer: number): ZipfPicker => {
    let p = pickers.get(layer);
    if (!p) pickers.set(layer, (p = new ZipfPicker(layers[layer]!.length, 1, rng)));
    return p;
  };
  const link = (parent: number, child: number): boolean => {
    if (children[parent]!.includes(child)) return false;
    const qty = bomQty(kindOf[parent]!, kindOf[child]!, rng);
    children[parent]!.push(child);
    childQty[parent]!.push(qty);
    bom.push({ parent: items[parent]!.id, child: items[child]!.id, qty });
    return true;
  };
  const last = layers.length - 1;
  for (let layer = 0; layer < last; layer++) {
    const parents = layers[layer]!;
    const below = layers[layer + 1]!;
    // Coverage: every item of the next layer is used by at least one parent.
    for (const child of rng.shuffle([...below])) link(rng.pick(parents), child);
    const extraMax = kindOf[parents[0]!] === "end-item" ? 3 : 2;
    for (const parent of parents) {
      const extras = rng.int(1, extraMax);
      for (let e = 0; e < extras; e++) {
        for (let attempt = 0; attempt < 3; attempt++) if (link(parent, below[picker(layer + 1).draw(rng)]!)) break;
      }
      if (layer + 2 <= last && rng.chance(0.2)) {
        const deeper = rng.int(layer + 2, last);
        link(parent, layers[deeper]![picker(deeper).draw(rng)]!);
      }
    }
  }

  // Unit values bottom-up: the children's value with a markup, plus the work added at this level.
  const markup: Record<ItemKind, [number, number, number, number]> = {
    "raw-material": [0, 0, 0, 0],
    material: [1.2, 2.2, 0.5, 20],
    component: [1.3, 2.5, 5, 500],
    "end-item": [1.2, 2, 50, 5000],
  };
  for (let layer = last; layer >= 0; layer--) {
    for (const i of layers[layer]!) {
      const kind = kindOf[i]!;
      if (kind === "raw-material") {
        items[i]!.unitValue = round(rng.logUniform(0.5, 80), 2);
        continue;
      }
      let sum = 0;
      const cs = children[i]!;
      const qs = childQty[i]!;
      for (let k = 0; k < cs.length; k++) sum += qs[k]! * items[cs[k]!]!.unitValue;
      const [lo, hi, addLo, addHi] = markup[kind];
      items[i]!.unitValue = round(sum * rng.float(lo, hi) + rng.logUniform(addLo, addHi), 2);
    }
  }
  return { items, bom, layers, children, childQty };
}

import { generateDataset, presets } from "@paraat/core";
const ds = generateDataset(presets.small);
console.log(ds.targets.slice(0, 5), ds.demands.slice(0, 4), ds.supply.slice(0, 3).map((s) => JSON.stringify(s)), ds.bom.slice(0, 5));
console.log(ds.stocks.slice(0, 10));
const ends = new Set(ds.items.filter((i) => i.kind === "end-item").map((i) => i.id));
console.log("demand items end?", ds.demands.every((d) => ends.has(d.item)), "target items end?", ds.targets.every((d) => ends.has(d.item)));

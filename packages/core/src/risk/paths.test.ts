/**
 * The exposure pass keeps its path forest in typed arrays and only materialises the reported paths.
 * These tests hold it to a plain reference written the direct way — one object per (item, country)
 * path node, sorted lists — on random networks: same exposures, same paths, same order, same texts.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildSupplyNetwork, type SupplyNetwork } from "../network/network.js";
import { arbDataset } from "../testing/index.js";
import { analyzeRisk } from "./analyze.js";
import { pct } from "../words.js";
import { UNSOURCED, valueSplit } from "./exposure.js";
import { itemSources } from "./sources.js";
import { arbSpec, build } from "./test-fixtures.js";
import type { ExposurePath } from "./types.js";

interface Node {
  item: number;
  country: string;
  share: number;
  sourceShare: number;
  next: Node | null;
}

/** Exposure by country and the reported paths of every item, one object per path node. */
function reference(net: SupplyNetwork, topPaths: number, maxPaths: number): { byCountry: Map<string, number>; paths: ExposurePath[] }[] {
  const sources = itemSources(net);
  const n = net.items.length;
  const exposure: Map<string, number>[] = new Array<Map<string, number>>(n);
  const best: Map<string, Node>[] = new Array<Map<string, Node>>(n);
  const top: Node[][] = new Array<Node[]>(n);
  const out = new Array<{ byCountry: Map<string, number>; paths: ExposurePath[] }>(n);
  for (let k = n - 1; k >= 0; k--) {
    const p = net.order[k]!;
    const { own, lines } = valueSplit(net, p);
    const e = new Map<string, number>();
    const b = new Map<string, Node>();
    const t: Node[] = [];
    const offer = (node: Node): void => {
      const was = b.get(node.country);
      if (was === undefined || node.share > was.share) b.set(node.country, node);
    };
    const offerTop = (node: Node): void => {
      if (topPaths === 0 || (t.length >= topPaths && node.share <= t[t.length - 1]!.share)) return;
      let at = t.length;
      while (at > 0 && t[at - 1]!.share < node.share) at--;
      t.splice(at, 0, node);
      if (t.length > topPaths) t.pop();
    };
    if (own > 0) {
      const mine = sources[p]!.sourcing === "none" ? new Map([[UNSOURCED, 1]]) : sources[p]!.byCountry;
      for (const [country, s] of mine) {
        // A country with no share of supply is no path (as in the engine, exposure.ts).
        if (!(s > 0)) continue;
        e.set(country, (e.get(country) ?? 0) + own * s);
        offer({ item: p, country, share: own * s, sourceShare: s, next: null });
        offerTop({ item: p, country, share: own * s, sourceShare: s, next: null });
      }
    }
    for (let j = net.children.start[p]!; j < net.children.start[p + 1]!; j++) {
      const w = lines[j - net.children.start[p]!]!;
      if (w <= 0) continue;
      const c = net.children.target[j]!;
      for (const [country, v] of exposure[c]!) e.set(country, (e.get(country) ?? 0) + w * v);
      for (const node of best[c]!.values())
        offer({ item: p, country: node.country, share: w * node.share, sourceShare: node.sourceShare, next: node });
      for (const node of top[c]!)
        offerTop({ item: p, country: node.country, share: w * node.share, sourceShare: node.sourceShare, next: node });
    }
    // A top path that is also its country's best is the same node (so it is listed once).
    const tops = t.map((node) => {
      const same = b.get(node.country)!;
      return same.next === node.next ? same : node;
    });
    const listed = [...b.values(), ...tops.filter((node) => !b.has(node.country) || b.get(node.country) !== node)];
    exposure[p] = e;
    best[p] = b;
    top[p] = tops;
    out[p] = {
      byCountry: e,
      paths: listed
        .sort((x, y) => y.share - x.share)
        .slice(0, maxPaths)
        .map((node) => {
          const items: number[] = [];
          for (let at: Node | null = node; at; at = at.next) items.push(at.item);
          const chain = items.map((i) => net.items[i]!.name).join(" ← ");
          const text =
            node.country === UNSOURCED
              ? `${chain}: no supply, ${pct(node.share)} of value`
              : `${chain}: ${node.country} ${pct(node.sourceShare)} of supply, ${pct(node.share)} of value`;
          return {
            items: items.map((i) => net.items[i]!.id),
            country: node.country,
            share: node.share,
            sourceShare: node.sourceShare,
            text,
          };
        }),
    };
  }
  return out;
}

function agrees(dataset: Parameters<typeof analyzeRisk>[0], topPaths: number, maxPaths: number): void {
  const expected = reference(buildSupplyNetwork(dataset), topPaths, maxPaths);
  const items = analyzeRisk(dataset, { only: ["exposure"], topPaths, maxPaths }).items;
  items.forEach((it, i) => {
    expect(it.paths).toEqual(expected[i]!.paths);
    const byCountry = [...expected[i]!.byCountry].filter(([c, v]) => c !== UNSOURCED && v > 0);
    expect(Object.entries(it.exposure.byCountry).sort()).toEqual(byCountry.sort());
    expect(it.exposure.byBloc.unsourced).toBe(expected[i]!.byCountry.get(UNSOURCED) ?? 0);
  });
}

describe("exposure paths", () => {
  it("equal the direct computation on random layered networks, for several path limits", () => {
    fc.assert(
      fc.property(arbSpec, fc.nat(4), fc.nat(12), (spec, topPaths, maxPaths) => agrees(build(spec), topPaths, maxPaths)),
      { numRuns: 150 },
    );
  });

  it("equal the direct computation on the shared random datasets", () => {
    fc.assert(
      fc.property(arbDataset({ maxRows: 8 }), (d) => agrees(d, 3, 10)),
      { numRuns: 40 },
    );
  });
});

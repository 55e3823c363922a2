/**
 * Property tests on random layered supply networks (a small arbitrary of our own: layers of items with
 * BOM lines only downwards, random sites, companies, countries and capacities).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bomTree, endItems } from "../network/bom.js";
import { buildSupplyNetwork, type SupplyNetwork } from "../network/network.js";

const activeOptions = (net: SupplyNetwork, i: number) => net.options[i]!.filter((o) => o.averageCapacity > 0);
import { withoutHost } from "../network/removal.js";
import type { HostKind } from "../network/types.js";
import { arbDataset } from "../testing/index.js";
import { analyzeRisk } from "./analyze.js";
import { arbSpec, build } from "./test-fixtures.js";

const sum = (o: Record<string, number>): number => Object.values(o).reduce((a, b) => a + b, 0);

describe("risk properties", () => {
  it("exposures sum to 1 (by bloc, and by country plus unsourced) and are never negative", () => {
    fc.assert(
      fc.property(arbSpec, (spec) => {
        for (const it of analyzeRisk(build(spec)).items) {
          expect(sum(it.exposure.byBloc)).toBeCloseTo(1, 9);
          expect(sum(it.exposure.byCountry) + it.exposure.byBloc.unsourced).toBeCloseTo(1, 9);
          expect(Math.min(...Object.values(it.exposure.byBloc), ...Object.values(it.exposure.byCountry))).toBeGreaterThanOrEqual(0);
          expect(it.autonomy.euNato).toBeGreaterThanOrEqual(it.autonomy.eu);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("exposures sum to 1 on the shared random datasets too", () => {
    fc.assert(
      fc.property(arbDataset({ maxRows: 6 }), (d) => {
        for (const it of analyzeRisk(d).items) expect(sum(it.exposure.byBloc)).toBeCloseTo(1, 9);
      }),
      { numRuns: 40 },
    );
  });

  it("adding a second source in the EU never lowers the EU share of any item", () => {
    fc.assert(
      fc.property(arbSpec, fc.nat(100), fc.integer({ min: 1, max: 20 }), (spec, pick, cap) => {
        const before = analyzeRisk(build(spec)).items;
        const target = before[pick % before.length]!.id;
        const after = analyzeRisk(build(spec, (b) => b.site("eu-extra", "DE").supply(target, "eu-extra", cap))).items;
        before.forEach((it, i) => expect(after[i]!.autonomy.eu).toBeGreaterThanOrEqual(it.autonomy.eu - 1e-12));
      }),
      { numRuns: 100 },
    );
  });

  it("structural SPOFs equal the brute force: remove each site, company and country and look for a needed item left without supply", () => {
    fc.assert(
      fc.property(arbSpec, (spec) => {
        const d = build(spec);
        const net = buildSupplyNetwork(d);
        const expected: string[] = [];
        const hosts: [HostKind, string][] = [
          ...d.sites.map((s): [HostKind, string] => ["site", s.id]),
          ...d.companies.map((c): [HostKind, string] => ["company", c.id]),
          ...d.countries.map((c): [HostKind, string] => ["country", c.code]),
        ];
        for (const [kind, id] of hosts) {
          const reduced = buildSupplyNetwork(withoutHost(d, kind, id).dataset);
          for (const e of endItems(net)) {
            const lost = Array.from(bomTree(net, e).items).some(
              (j) => activeOptions(net, j).length > 0 && activeOptions(reduced, j).length === 0,
            );
            if (lost) expected.push(`${net.items[e]!.id} ${kind} ${id}`);
          }
        }
        const found = analyzeRisk(d).spof.map((s) => `${s.endItem} ${s.nodeKind} ${s.node}`);
        expect(found.sort()).toEqual(expected.sort());
      }),
      { numRuns: 100 },
    );
  });

  it("removing all but one source of a needed item always makes that source's site a SPOF of every end item needing it", () => {
    fc.assert(
      fc.property(arbSpec, fc.nat(100), (spec, pick) => {
        const d = build(spec);
        const net = buildSupplyNetwork(d);
        const withSupply = net.items.map((_, i) => i).filter((i) => activeOptions(net, i).length > 0);
        fc.pre(withSupply.length > 0);
        const j = withSupply[pick % withSupply.length]!;
        const keep = activeOptions(net, j)[0]!;
        const only = { ...d, supply: d.supply.filter((s) => s.item !== net.items[j]!.id || s.id === keep.supply.id) };
        const spof = analyzeRisk(only).spof;
        for (const e of endItems(net))
          if (bomTree(net, e).items.includes(j)) {
            const endId = net.items[e]!.id;
            expect(
              spof.some((s) => s.endItem === endId && s.nodeKind === "site" && s.node === keep.site && s.items.includes(net.items[j]!.id)),
            ).toBe(true);
          }
      }),
      { numRuns: 100 },
    );
  });
});

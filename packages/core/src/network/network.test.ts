import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ParaatError } from "../errors.js";
import { indexToMonth, monthToIndex } from "../month.js";
import { arbSpec, build, withCountries } from "../risk/test-fixtures.js";
import { BomWalker, bomDescendants, bomTree, endItems, explodeBom, treePath } from "./bom.js";
import { capacityAt } from "./capacity.js";
import { buildSupplyNetwork } from "./network.js";
import { withoutHost } from "./removal.js";

// A needs 2 B and 1 C; B and C each need 3 D; X stands alone.
const diamond = () =>
  withCountries()
    .company("Z", "DE")
    .site("nl", "NL")
    .site("z-de", "DE", "Z")
    .site("z-fr", "FR", "Z")
    .item("A", 100, "end-item")
    .item("B", 10)
    .item("C", 10)
    .item("D", 1)
    .item("X", 1)
    .bom("A", "B", 2)
    .bom("A", "C", 1)
    .bom("B", "D", 3)
    .bom("C", "D", 3)
    .supply("A", "nl", 5)
    .supply("D", "z-de", 2)
    .supply("D", "z-fr", [
      ["2025-01", 0],
      ["2025-04", 4],
      ["2025-10", 0],
    ]);

describe("supply network", () => {
  it("orders parents before children and indexes the BOM both ways", () => {
    const net = buildSupplyNetwork(diamond().build());
    const pos = (id: string): number => net.rank[net.itemIndex.get(id)!]!;
    expect(pos("A")).toBeLessThan(pos("B"));
    expect(pos("B")).toBeLessThan(pos("D"));
    expect(pos("C")).toBeLessThan(pos("D"));
    const d = net.itemIndex.get("D")!;
    const parents = Array.from(net.parents.target.subarray(net.parents.start[d], net.parents.start[d + 1]), (i) => net.items[i]!.id);
    expect(parents.sort()).toEqual(["B", "C"]);
  });

  it("explodes the BOM over every path", () => {
    const net = buildSupplyNetwork(diamond().build());
    expect(Object.fromEntries(explodeBom(net, "A", 10))).toEqual({ A: 10, B: 20, C: 10, D: 90 });
    expect(bomDescendants(net, "B")).toEqual(["B", "D"]);
    expect(endItems(net).map((i) => net.items[i]!.id)).toEqual(["A"]);
    expect(() => explodeBom(net, "nope")).toThrow(ParaatError);
  });

  it("weighs options by mean capacity over the horizon and drops inactive ones", () => {
    const net = buildSupplyNetwork(diamond().build());
    const d = net.itemIndex.get("D")!;
    // 4 a month from April to September: 6 of 12 months → mean 2.
    expect(net.options[d]!.map((o) => o.averageCapacity)).toEqual([2, 2]);
    expect(capacityAt(net.options[d]![1]!.supply.capacity, "2024-12")).toBe(0);
    expect(capacityAt(net.options[d]![1]!.supply.capacity, "2025-09")).toBe(4);
    expect(capacityAt(net.options[d]![1]!.supply.capacity, "2025-10")).toBe(0);
    expect(net.options[net.itemIndex.get("B")!]!.filter((o) => o.averageCapacity > 0)).toEqual([]);
  });

  it("indexes supply options by item with their capacity per period of the horizon", () => {
    const net = buildSupplyNetwork(diamond().build());
    const d = net.itemIndex.get("D")!;
    expect(net.suppliesOf[d]!.map((s) => net.supplies[s]!.id)).toEqual(net.options[d]!.map((o) => o.supply.id));
    for (const s of net.suppliesOf[d]!) expect(net.supplyItem[s]).toBe(d);
    const fr = net.suppliesOf[d]![1]!;
    const row = Array.from(net.capacity.subarray(fr * net.periods, (fr + 1) * net.periods));
    expect(row).toEqual([0, 0, 0, 4, 4, 4, 4, 4, 4, 0, 0, 0]);
  });

  it("refuses a BOM cycle with the items in it", () => {
    const d = diamond().build();
    const cyclic = { ...d, bom: [...d.bom, { parent: "D", child: "A", qty: 1 }] };
    expect(() => buildSupplyNetwork(cyclic)).toThrow(/cycle through A, B, C, D/);
  });

  it("removes the supply options a site, company or country hosts", () => {
    const d = diamond().build();
    expect(withoutHost(d, "company", "Z").removed).toEqual(["D@z-de", "D@z-fr"]);
    expect(withoutHost(d, "country", "FR").removed).toEqual(["D@z-fr"]);
    const { dataset } = withoutHost(d, "site", "nl");
    expect(dataset.supply.map((s) => s.id)).toEqual(["D@z-de", "D@z-fr"]);
    expect(dataset.sites).toHaveLength(3);
  });

  it("walks each tree as bomTree does, reusing its arrays from root to root", () => {
    fc.assert(
      fc.property(arbSpec, (spec) => {
        const net = buildSupplyNetwork(build(spec));
        const walker = new BomWalker(net);
        const ids = net.items.map((it) => it.id);
        for (let root = 0; root < net.items.length; root++) {
          const tree = bomTree(net, root);
          const size = walker.walk(root);
          expect(Array.from(walker.items.subarray(0, size))).toEqual(Array.from(tree.items));
          expect(Array.from(walker.via.subarray(0, size))).toEqual(Array.from(tree.via));
          for (const i of tree.items) expect(walker.path(i, ids)).toEqual(treePath(tree, i).map((j) => ids[j]));
        }
      }),
      { numRuns: 60 },
    );
  });

  it("unrolls capacity per period as the step function in force each month, and averages it", () => {
    const arbSteps = fc.array(fc.record({ month: fc.integer({ min: -30, max: 40 }), perPeriod: fc.integer({ min: 0, max: 50 }) }), {
      maxLength: 5,
    });
    fc.assert(
      fc.property(arbSteps, fc.integer({ min: 1, max: 36 }), (raw, periods) => {
        const start = monthToIndex("2025-01");
        const capacity = [...raw]
          .sort((a, b) => a.month - b.month)
          .map((s) => ({ from: indexToMonth(start + s.month), perPeriod: s.perPeriod }));
        const d = withCountries().site("nl", "NL").item("A", 1, "end-item").supply("A", "nl", 1).build();
        const dataset = { ...d, horizon: { start: "2025-01", periods }, supply: [{ ...d.supply[0]!, capacity }] };
        const net = buildSupplyNetwork(dataset);
        let total = 0;
        for (let m = 0; m < periods; m++) {
          const expected = capacityAt(capacity, indexToMonth(start + m));
          expect(net.capacity[m]).toBe(expected);
          total += expected;
        }
        expect(net.options[0]![0]!.averageCapacity).toBeCloseTo(total / periods, 9);
      }),
      { numRuns: 300 },
    );
  });
});

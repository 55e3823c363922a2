import { expect, it } from "vitest";
import { analyzeRisk } from "./analyze.js";
import { itemChain } from "./chain.js";
import { withCountries } from "./test-fixtures.js";

// A needs B (made at z-de and z-fr by Z) and C (made in NL); depth 1 stops below A's children.
const dataset = () =>
  withCountries()
    .company("Z", "DE")
    .site("nl", "NL")
    .site("z-de", "DE", "Z")
    .site("z-fr", "FR", "Z")
    .item("A", 100, "end-item")
    .item("B", 10)
    .item("C", 10)
    .item("D", 1)
    .bom("A", "B", 2)
    .bom("A", "C", 1)
    .bom("B", "D", 3)
    .supply("A", "nl", 5)
    .supply("B", "z-de", 2)
    .supply("B", "z-fr", 2)
    .supply("C", "nl", 4)
    .build();

it("walks the BOM below an item with who makes each part where, and each country's bloc", () => {
  const d = dataset();
  const chain = itemChain(d, analyzeRisk(d), "A");
  const ids = chain.nodes.map((n) => n.id);
  expect(ids).toEqual(
    expect.arrayContaining(["item:A", "item:B", "item:C", "item:D", "site:z-de", "site:z-fr", "company:Z", "country:DE", "country:FR"]),
  );
  expect(chain.nodes.find((n) => n.id === "item:D")!.depth).toBe(2);
  const b = chain.edges.filter((e) => e.kind === "supplied-by" && e.from === "item:B");
  expect(b.map((e) => e.share)).toEqual([0.5, 0.5]);
  expect(chain.truncated).toBe(false);
});

it("stops at the depth asked and says so", () => {
  const d = dataset();
  const chain = itemChain(d, analyzeRisk(d), "A", 1);
  expect(chain.nodes.some((n) => n.id === "item:D")).toBe(false);
  expect(chain.truncated).toBe(true);
});

import { describe, expect, it } from "vitest";
import type { Country } from "@paraat/core";
import { blocOfCountry, chainBlocs, chainRows, searchItems, type ChainData } from "./network-data.js";

const country = (code: string, eu: boolean, nato: boolean, concern: boolean): Country => ({
  code,
  name: code + "-land",
  eu,
  nato,
  concern,
});

const data: ChainData = {
  countries: [
    country("NL", true, true, false),
    country("US", false, true, false),
    country("CN", false, false, true),
    country("KR", false, false, false),
  ],
  companies: [
    { id: "acme", name: "Acme", country: "NL", base: [], owners: [], clearance: "granted" },
    { id: "chem", name: "Chem Co", country: "CN", base: [], owners: [], clearance: "none" },
  ],
  sites: [
    { id: "acme-nl", company: "acme", country: "NL", name: "Acme Hengelo" },
    { id: "acme-us", company: "acme", country: "US", name: "Acme Texas" },
    { id: "chem-cn", company: "chem", country: "CN", name: "Chem plant" },
  ],
  items: [
    { id: "shell", name: "Shell", kind: "end-item", unit: "round", unitValue: 1 },
    { id: "body", name: "Body", kind: "component", unit: "pc", unitValue: 1 },
    { id: "nc", name: "Nitrocellulose", kind: "material", unit: "kg", unitValue: 1 },
    { id: "cotton", name: "Cotton linters", kind: "raw-material", unit: "kg", unitValue: 1 },
  ],
  bom: [
    { parent: "shell", child: "body", qty: 1 },
    { parent: "shell", child: "nc", qty: 2 },
    { parent: "nc", child: "cotton", qty: 1.5 },
  ],
  supply: [
    {
      id: "s1",
      item: "shell",
      site: "acme-nl",
      leadTime: 2,
      unitCost: 1,
      capacity: [
        { from: "2026-01", perPeriod: 50 },
        { from: "2025-01", perPeriod: 10 },
      ],
    },
    { id: "s2", item: "body", site: "acme-us", leadTime: 1, unitCost: 1, capacity: [] },
    { id: "s3", item: "nc", site: "chem-cn", leadTime: 3, unitCost: 1, capacity: [{ from: "2025-01", perPeriod: 7 }] },
  ],
  stocks: [
    { item: "nc", holder: "pool", qty: 40 },
    { item: "nc", holder: "nl", qty: 999 },
  ],
  materials: [
    {
      item: "cotton",
      stages: [{ stage: "extraction", globalSupply: {}, euSourcing: { CN: 0.7, KR: 0.3 }, importReliance: 1, eolRir: 0, substitution: 1 }],
    },
  ],
};

describe("blocOfCountry", () => {
  it("lets concern win, then EU, then NATO, else partner; unknown is other", () => {
    expect(blocOfCountry({ eu: true, nato: true, concern: true })).toBe("concern");
    expect(blocOfCountry({ eu: true, nato: true, concern: false })).toBe("eu");
    expect(blocOfCountry({ eu: false, nato: true, concern: false })).toBe("nato");
    expect(blocOfCountry({ eu: false, nato: false, concern: false })).toBe("partner");
    expect(blocOfCountry(undefined)).toBe("other");
  });
});

describe("chainRows", () => {
  const rows = chainRows(data, "shell");

  it("walks the BOM depth first with the quantity per unit of the top item", () => {
    expect(rows.map((r) => [r.item, r.depth, r.qtyPerUnit])).toEqual([
      ["shell", 0, 1],
      ["body", 1, 1],
      ["nc", 1, 2],
      ["cotton", 2, 3],
    ]);
  });

  it("resolves supply to site, company, country and bloc, with the first and last capacity step by month", () => {
    const shell = rows[0]!.sources[0]!;
    expect(shell).toMatchObject({
      siteName: "Acme Hengelo",
      companyName: "Acme",
      country: "NL",
      bloc: "eu",
      capacityFirst: 10,
      capacityLast: 50,
    });
    expect(rows[2]!.sources[0]).toMatchObject({ country: "CN", bloc: "concern", leadTime: 3 });
    expect(rows[2]!.poolStock).toBe(40);
  });

  it("shows where a raw material is sourced, largest share first", () => {
    expect(rows[3]!.materialSourcing.map((s) => [s.country, s.bloc, s.share])).toEqual([
      ["CN", "concern", 0.7],
      ["KR", "partner", 0.3],
    ]);
  });

  it("stops at a cycle instead of looping", () => {
    const cyclic = { ...data, bom: [...data.bom, { parent: "cotton", child: "shell", qty: 1 }] };
    const r = chainRows(cyclic, "shell");
    expect(r.map((x) => x.item)).toEqual(["shell", "body", "nc", "cotton", "shell"]);
    expect(r[4]!.cycle).toBe(true);
  });

  it("counts distinct sites and countries per bloc", () => {
    const blocs = chainBlocs(rows);
    expect(blocs.find((b) => b.bloc === "eu")).toEqual({ bloc: "eu", sites: 1, countries: ["NL"] });
    expect(blocs.find((b) => b.bloc === "nato")).toEqual({ bloc: "nato", sites: 1, countries: ["US"] });
    expect(blocs.find((b) => b.bloc === "concern")).toEqual({ bloc: "concern", sites: 1, countries: ["CN"] });
  });
});

describe("searchItems", () => {
  it("ranks exact id, then prefix, then substring, by id or name", () => {
    const items = [
      { id: "nc", name: "Nitrocellulose" },
      { id: "cotton", name: "Cotton linters" },
      { id: "shell", name: "Shell body with nc" },
    ];
    expect(searchItems(items, "nc").map((i) => i.id)).toEqual(["nc", "shell"]);
    expect(searchItems(items, "COT").map((i) => i.id)).toEqual(["cotton"]);
    expect(searchItems(items, "zzz")).toEqual([]);
  });
});

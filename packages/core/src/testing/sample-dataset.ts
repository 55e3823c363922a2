/**
 * A small hand-written dataset touching every collection and every optional field, for example-based
 * tests. Figures are illustrative. Returns a fresh copy on each call so tests may mutate it.
 */
import type { Dataset } from "../model/schema.js";

export function sampleDataset(): Dataset {
  return {
    format: "paraat-dataset",
    version: 1,
    name: "sample",
    description: "Two shells, one fuze, antimony; illustrative",
    horizon: { start: "2025-01", periods: 36 },
    sources: [
      { id: "s-annual", title: "Annual report, 2024", url: "https://example.org/report", publisher: "Rheinmetall AG", date: "2024-03" },
      { id: "s-crm", title: 'Study on the "critical raw materials" list', note: "EU CRM 2023" },
    ],
    countries: [
      { code: "NL", name: "Netherlands", eu: true, nato: true, concern: false, wgi: 0.9 },
      { code: "DE", name: "Germany", eu: true, nato: true, concern: false, wgi: 1.2, sources: ["s-crm"] },
      { code: "CN", name: "China", eu: false, nato: false, concern: true, wgi: 6.4 },
      { code: "RU", name: "Russia", eu: false, nato: false, concern: true },
    ],
    companies: [
      { id: "c-rheinmetall", name: "Rheinmetall", country: "DE", base: ["EDTIB"], owners: [], clearance: "granted", sources: ["s-annual"] },
      {
        id: "c-nammo",
        name: "Nammo, Raufoss",
        country: "NL",
        base: ["NLDTIB", "EDTIB"],
        owners: [
          { owner: "c-rheinmetall", share: 0.6 },
          { owner: "DE", share: 0.4 },
        ],
        clearance: "pending",
        illustrative: true,
      },
    ],
    sites: [
      { id: "site-unterluss", company: "c-rheinmetall", country: "DE", name: "Unterlüß" },
      { id: "site-nl", company: "c-nammo", country: "NL", name: "Site NL", note: "planned" },
    ],
    items: [
      { id: "shell-155", name: "155 mm shell", kind: "end-item", unit: "pc", unitValue: 3000, nsn: "1320-12-345-6789" },
      { id: "fuze", name: "Fuze", kind: "component", unit: "pc", unitValue: 150.5 },
      { id: "antimony", name: "Antimony", kind: "raw-material", unit: "kg", unitValue: 12 },
    ],
    bom: [
      { parent: "shell-155", child: "fuze", qty: 1 },
      { parent: "fuze", child: "antimony", qty: 0.02, illustrative: true },
    ],
    supply: [
      {
        id: "sup-shell",
        item: "shell-155",
        site: "site-unterluss",
        leadTime: 3,
        unitCost: 2800,
        capacity: [
          { from: "2025-01", perPeriod: 1000 },
          { from: "2026-07", perPeriod: 2500, note: "new line", sources: ["s-annual"] },
          { from: "2029-01", perPeriod: 0 },
        ],
      },
      { id: "sup-fuze", item: "fuze", site: "site-nl", leadTime: 0, unitCost: 140, capacity: [] },
    ],
    stocks: [
      { item: "shell-155", holder: "pool", qty: 500 },
      { item: "shell-155", holder: "nl-army", qty: 1200, illustrative: true },
    ],
    consumers: [
      { id: "nl-army", name: "Royal Netherlands Army", country: "NL", priority: 1 },
      { id: "ua", name: "Ukraine", country: "NL", priority: 2, note: "via partners" },
    ],
    demands: [
      { id: "d-ua-1", item: "shell-155", consumer: "ua", qty: 4000, due: "2025-12", priority: 1 },
      { id: "d-nl-1", item: "shell-155", consumer: "nl-army", qty: 1000, due: "2026-06" },
    ],
    targets: [{ id: "t-nato", item: "shell-155", consumer: "nl-army", level: 10000, by: "2027-12", usagePerPeriod: 50 }],
    contracts: [
      {
        id: "k-frame",
        kind: "framework",
        supplier: "c-rheinmetall",
        items: ["shell-155", "fuze"],
        buyers: ["nl-army", "ua"],
        start: "2024-01",
        end: "2029-12",
        value: 1.5e9,
      },
    ],
    materials: [
      {
        item: "antimony",
        stages: [
          {
            stage: "extraction",
            globalSupply: { CN: 0.7, RU: 0.2, DE: 0.1 },
            euSourcing: { CN: 0.5, DE: 0.5 },
            importReliance: 1,
            eolRir: 0.28,
            substitution: 0.91,
            sources: ["s-crm"],
          },
          {
            stage: "processing",
            globalSupply: { CN: 1 },
            euSourcing: { NL: 0.3, DE: 0.7 },
            importReliance: 0.5,
            eolRir: 0,
            substitution: 0.9,
          },
        ],
        tradeAdjustment: { CN: 1.1, RU: 0.8 },
        economicImportance: 4.3,
        sources: ["s-crm"],
        illustrative: true,
      },
    ],
  };
}

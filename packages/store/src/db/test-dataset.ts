/**
 * A small hand-built dataset for the store tests: every collection filled, optional fields both
 * present and absent, and numbers that do not survive a careless round-trip.
 */
import type { Dataset } from "@paraat/core";

export function smallDataset(name = "test-small"): Dataset {
  return {
    format: "paraat-dataset",
    version: 1,
    name,
    description: "Hand-built test dataset",
    horizon: { start: "2025-01", periods: 60 },
    sources: [
      { id: "src-report", title: "A public report", url: "https://example.org/report", publisher: "Ministry", date: "2024-05" },
      { id: "src-guess", title: "An estimate" },
    ],
    countries: [
      { code: "NL", name: "Netherlands", eu: true, nato: true, concern: false, wgi: 0.1 + 0.2 },
      { code: "DE", name: "Germany", eu: true, nato: true, concern: false },
      {
        code: "CN",
        name: "China",
        eu: false,
        nato: false,
        concern: true,
        wgi: 7.123456789012345,
        sources: ["src-report"],
        illustrative: true,
      },
    ],
    companies: [
      {
        id: "nammo-nl",
        name: "Ammo NL",
        country: "NL",
        base: ["NLDTIB", "EDTIB"],
        owners: [
          { owner: "NL", share: 0.5 },
          { owner: "de-group", share: 0.5 },
        ],
        clearance: "granted",
      },
      { id: "de-group", name: "DE Group", country: "DE", base: ["EDTIB"], owners: [], clearance: "pending", note: "" },
    ],
    sites: [
      { id: "site-nl", company: "nammo-nl", country: "NL", name: "Plant NL" },
      { id: "site-de", company: "de-group", country: "DE", name: "Plant DE", sources: ["src-guess"], illustrative: false },
    ],
    // Not in id order: rows must come back in the order saved.
    items: [
      { id: "shell-155", name: "155 mm shell", kind: "end-item", unit: "pcs", unitValue: 123456789.123, nsn: "1320-01-234-5678" },
      { id: "tnt", name: "TNT", kind: "material", unit: "kg", unitValue: 1e-9 },
      { id: "body", name: "Shell body", kind: "component", unit: "pcs", unitValue: 0.1 + 0.2, note: 'steel; "forged"' },
      { id: "antimony", name: "Antimony", kind: "raw-material", unit: "kg", unitValue: 12.5 },
    ],
    bom: [
      { parent: "shell-155", child: "body", qty: 1 },
      { parent: "shell-155", child: "tnt", qty: 10.8 },
      { parent: "body", child: "antimony", qty: 1 / 3 },
    ],
    supply: [
      {
        id: "sup-shell",
        item: "shell-155",
        site: "site-nl",
        leadTime: 2,
        unitCost: 3000,
        capacity: [
          { from: "2025-01", perPeriod: 1000 },
          { from: "2027-01", perPeriod: 2500.5, illustrative: true },
          { from: "2029-06", perPeriod: 0 },
        ],
      },
      { id: "sup-tnt", item: "tnt", site: "site-de", leadTime: 0, unitCost: 1e-9, capacity: [], sources: ["src-report", "src-guess"] },
    ],
    stocks: [
      { item: "shell-155", holder: "pool", qty: 0 },
      { item: "shell-155", holder: "nl-army", qty: 12000 },
    ],
    consumers: [
      { id: "nl-army", name: "Royal Netherlands Army", country: "NL", priority: 1 },
      { id: "ua", name: "Ukraine", country: "NL", priority: 2, illustrative: true },
    ],
    demands: [
      { id: "d-1", item: "shell-155", consumer: "ua", qty: 5000, due: "2025-06" },
      { id: "d-2", item: "shell-155", consumer: "nl-army", qty: 0.5, due: "2026-01", priority: 3 },
    ],
    targets: [
      { id: "t-norm", item: "shell-155", consumer: "nl-army", level: 100000, by: "2029-12", usagePerPeriod: 250.25 },
      { id: "t-plain", item: "tnt", consumer: "nl-army", level: 0, by: "2026-01" },
    ],
    contracts: [
      {
        id: "k-frame",
        kind: "framework",
        supplier: "nammo-nl",
        items: ["shell-155"],
        buyers: ["nl-army", "ua"],
        start: "2023-01",
        end: "2029-12",
        value: 1.5e9,
      },
      {
        id: "k-single",
        kind: "single",
        supplier: "de-group",
        items: ["tnt", "body"],
        buyers: ["nl-army"],
        start: "2025-01",
        end: "2025-12",
      },
    ],
    materials: [
      {
        item: "antimony",
        stages: [
          {
            stage: "extraction",
            globalSupply: { CN: 0.48, NL: 0.52 },
            euSourcing: { DE: 1 },
            importReliance: 1,
            eolRir: 0,
            substitution: 0.91,
          },
          {
            stage: "processing",
            globalSupply: { CN: 0.7, DE: 0.3 },
            euSourcing: { CN: 0.6, NL: 0.4 },
            importReliance: 0.95,
            eolRir: 0.28,
            substitution: 1,
            note: "refined",
          },
        ],
        tradeAdjustment: { CN: 1.1, DE: 0.8 },
        economicImportance: 4.3,
      },
    ],
  };
}

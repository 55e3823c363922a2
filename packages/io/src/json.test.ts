import { ParaatError, formatIssue, type Dataset } from "@paraat/core";
import { sampleDataset } from "@paraat/core/testing";
import { describe, expect, it } from "vitest";
import { datasetToJson, parseDatasetJson } from "./json.js";

function minimal(): Dataset {
  return {
    format: "paraat-dataset",
    version: 1,
    name: "m",
    horizon: { start: "2025-01", periods: 2 },
    sources: [],
    countries: [{ code: "NL", name: "Netherlands", eu: true, nato: true, concern: false }],
    companies: [],
    sites: [],
    items: [],
    bom: [],
    supply: [],
    stocks: [],
    consumers: [],
    demands: [],
    targets: [],
    contracts: [],
    materials: [],
  };
}

describe("datasetToJson", () => {
  it("writes keys in schema order with 2-space indent and a trailing newline, whatever the input order", () => {
    const d = minimal();
    // The same dataset built with keys in a scrambled order.
    const scrambled = Object.fromEntries(Object.entries(d).reverse()) as Dataset;
    scrambled.countries = [{ concern: false, nato: true, eu: true, name: "Netherlands", code: "NL" }];
    scrambled.horizon = { periods: 2, start: "2025-01" };
    const expected = [
      "{",
      '  "format": "paraat-dataset",',
      '  "version": 1,',
      '  "name": "m",',
      '  "horizon": {',
      '    "start": "2025-01",',
      '    "periods": 2',
      "  },",
      '  "sources": [],',
      '  "countries": [',
      "    {",
      '      "code": "NL",',
      '      "name": "Netherlands",',
      '      "eu": true,',
      '      "nato": true,',
      '      "concern": false',
      "    }",
      "  ],",
      ...["companies", "sites", "items", "bom", "supply", "stocks", "consumers", "demands", "targets", "contracts"].map(
        (k) => `  "${k}": [],`,
      ),
      '  "materials": []',
      "}",
      "",
    ].join("\n");
    expect(datasetToJson(scrambled)).toBe(expected);
    expect(datasetToJson(d)).toBe(expected);
  });

  it("orders nested objects too and leaves absent optional fields out", () => {
    const d = sampleDataset();
    d.supply[0]!.capacity[1] = { note: "n", perPeriod: 5, from: "2026-07" };
    d.items[1] = { ...d.items[1]!, nsn: undefined };
    const json = datasetToJson(d);
    expect(json).toContain('{\n          "from": "2026-07",\n          "perPeriod": 5,\n          "note": "n"\n        }');
    expect(json).not.toContain("undefined");
    const fuze = JSON.parse(json) as Dataset;
    expect(Object.keys(fuze.items[1]!)).toEqual(["id", "name", "kind", "unit", "unitValue"]);
    // Record keys keep the user's order.
    expect(json.indexOf('"CN": 0.7')).toBeLessThan(json.indexOf('"RU": 0.2'));
  });

  it("is byte-stable through export → import → export", () => {
    const first = datasetToJson(sampleDataset());
    const r = parseDatasetJson(first, "sample.json");
    expect(r.ok).toBe(true);
    if (r.ok) expect(datasetToJson(r.dataset)).toBe(first);
  });
});

describe("parseDatasetJson", () => {
  it("locates every issue by its JSON path", () => {
    const d = sampleDataset();
    d.supply[0]!.capacity[1]!.perPeriod = -1;
    d.demands[1]!.consumer = "nobody";
    d.bom.push({ parent: "shell-155", child: "fuze", qty: 2 });
    const r = parseDatasetJson(JSON.stringify(d), "d.json");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.location).sort((a, b) => String(a.path).localeCompare(String(b.path)))).toEqual([
      { file: "d.json", path: "bom[2].parent" },
      { file: "d.json", path: "demands[1].consumer" },
      { file: "d.json", path: "supply[0].capacity[1].perPeriod" },
    ]);
    expect(r.issues.find((i) => i.entity === "bom")!.message).toBe("duplicate of bom[0]");
    expect(formatIssue(r.issues.find((i) => i.entity === "supply")!)).toMatch(
      /^d\.json, at supply\[0\]\.capacity\[1\]\.perPeriod: supply "sup-shell"/,
    );
  });

  it("locates header problems at the header field", () => {
    const r = parseDatasetJson(JSON.stringify({ ...sampleDataset(), horizon: { start: "2025-13", periods: 3 } }), "d.json");
    expect(!r.ok && r.issues.map((i) => i.location.path)).toContain("horizon.start");
  });

  it("renames on request and strips a byte-order mark", () => {
    const r = parseDatasetJson(`\uFEFF${datasetToJson(sampleDataset())}`, "d.json", { name: "copy" });
    expect(r.ok && r.dataset.name).toBe("copy");
  });

  it("throws IMPORT_FAILED with the line and column of a syntax error", () => {
    const text = '{\n  "format": "paraat-dataset",\n  "name": oops\n}';
    let error: unknown;
    try {
      parseDatasetJson(text, "bad.json");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ParaatError);
    expect((error as ParaatError).code).toBe("IMPORT_FAILED");
    expect((error as ParaatError).message).toMatch(/^bad\.json is not valid JSON at line 3, column 11/);
  });
});

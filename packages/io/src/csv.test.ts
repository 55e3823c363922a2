import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ParaatError, entityNames } from "@paraat/core";
import { sampleDataset } from "@paraat/core/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { csvToTable, datasetToCsvFiles, readCsvFolder, writeCsvFolder } from "./csv.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "paraat-csv-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("datasetToCsvFiles", () => {
  it("writes dataset.csv and one file per collection, with a byte-order mark and the sheets' columns", () => {
    const files = datasetToCsvFiles(sampleDataset());
    expect([...files.keys()]).toEqual(["dataset.csv", ...entityNames.map((n) => `${n}.csv`)]);
    expect(files.get("companies.csv")).toBe(
      "\uFEFFid,name,country,base,owners,clearance,sources,illustrative,note\n" +
        "c-rheinmetall,Rheinmetall,DE,EDTIB,,granted,s-annual,,\n" +
        'c-nammo,"Nammo, Raufoss",NL,"NLDTIB, EDTIB",c-rheinmetall=0.6; DE=0.4,pending,,TRUE,\n',
    );
    expect(files.get("dataset.csv")).toBe(
      "\uFEFFformat,version,name,description,horizon.start,horizon.periods\n" +
        'paraat-dataset,1,sample,"Two shells, one fuze, antimony; illustrative",2025-01,36\n',
    );
    expect(files.get("bom.csv")!.split("\n")[2]).toBe("fuze,antimony,0.02,,TRUE,");
  });
});

describe("CSV folder", () => {
  it("round-trips the sample dataset, read by folder or by one of its files", async () => {
    const written = await writeCsvFolder(sampleDataset(), dir);
    expect(written).toHaveLength(entityNames.length + 1);
    expect((await readdir(dir)).sort()).toEqual(["dataset.csv", ...entityNames.map((n) => `${n}.csv`)].sort());
    const r = await readCsvFolder(dir);
    expect(r.ok && r.dataset).toStrictEqual(sampleDataset());
  });

  it("numbers rows as a spreadsheet does: multi-line cells count once, blank lines count", async () => {
    await writeCsvFolder(sampleDataset(), dir);
    const items = [
      "id,name,kind,unit,unitValue",
      'shell-155,"155 mm',
      'shell, two lines",end-item,pc,3000',
      "",
      "fuze,Fuze,component,pc,cheap",
      "antimony,Antimony,raw-material,kg,12",
    ].join("\r\n");
    await writeFile(join(dir, "items.csv"), items, "utf8");
    const r = await readCsvFolder(dir);
    expect(!r.ok && r.issues.map((i) => i.location)).toEqual([
      { file: join(dir, "items.csv"), sheet: "items", row: 4, column: "unitValue (E)" },
    ]);
    expect(!r.ok && r.issues[0]).toMatchObject({
      entity: "items",
      index: 1,
      id: "fuze",
      value: "cheap",
      message: '"cheap" is not a number',
    });
  });

  it("reports unknown files and a missing dataset.csv, each in its own file", async () => {
    await writeCsvFolder(sampleDataset(), dir);
    await rm(join(dir, "dataset.csv"));
    await writeFile(join(dir, "Items.csv"), "id\nx\n", "utf8");
    await writeFile(join(dir, "notes.txt"), "not a CSV file, ignored", "utf8");
    const r = await readCsvFolder(dir);
    expect(!r.ok && r.issues.map((i) => [i.location.file, i.message])).toEqual([
      [join(dir, "dataset.csv"), 'missing file "dataset"'],
      [join(dir, "Items.csv"), 'unknown file "Items"'],
    ]);
  });

  it("refuses a malformed file with IMPORT_FAILED naming it", () => {
    expect(() => csvToTable('id,name\n"unclosed,x\n', "items", "/x/items.csv")).toThrow(ParaatError);
    try {
      csvToTable('id,name\n"unclosed,x\n', "items", "/x/items.csv");
    } catch (e) {
      expect((e as ParaatError).code).toBe("IMPORT_FAILED");
      expect((e as ParaatError).message).toMatch(/^cannot read \/x\/items\.csv as CSV/);
    }
  });

  it("keeps awkward text exactly: quotes, separators, newlines, CR, spaces", async () => {
    const d = sampleDataset();
    d.items[0]!.name = ' "quoted", a;b=c\r\nnext line ';
    d.sources[0]!.note = "\u4e2d\u6587 \ud83d\ude00";
    d.countries[0]!.sources = ["NATO, 2024", " spaced "];
    await writeCsvFolder(d, dir);
    expect(await readFile(join(dir, "countries.csv"), "utf8")).toContain('"""NATO, 2024"", "" spaced """');
    const r = await readCsvFolder(dir);
    expect(r.ok && r.dataset).toStrictEqual(d);
  });
});

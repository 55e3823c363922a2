import { describe, expect, it } from "vitest";
import { BatchInserter } from "./batch-insert.js";

describe("BatchInserter.rowsPerStatement", () => {
  it("stays under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters", () => {
    // 40 columns: 32766 / 40 = 819.15 → 819 rows; 65535 / 70 = 936.2 → 936 rows.
    expect(new BatchInserter("sqlite").rowsPerStatement(40)).toBe(819);
    expect(new BatchInserter("postgres").rowsPerStatement(70)).toBe(936);
  });

  it("caps narrow tables at 1,000 rows and never goes below one", () => {
    expect(new BatchInserter("sqlite").rowsPerStatement(11)).toBe(1000);
    expect(new BatchInserter("postgres").rowsPerStatement(100_000)).toBe(1);
  });
});

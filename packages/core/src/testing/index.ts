/**
 * Test helpers for property tests across Paraat (source only; not part of the built package).
 * `arbDataset(options)` generates valid datasets; `sampleDataset()` is a small hand-written one.
 */
export * from "./arb-dataset.js";
export * from "./arb-values.js";
export * from "./sample-dataset.js";
export * from "./corrupt.js";

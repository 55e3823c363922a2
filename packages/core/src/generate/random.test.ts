import { describe, expect, it } from "vitest";
import { Rng, ZipfPicker, hashString } from "./random.js";

describe("Rng", () => {
  it("repeats its sequence for the same seed and stream, and differs otherwise", () => {
    const seq = (seed: number | string, stream: string): number[] => {
      const r = new Rng(seed, stream);
      return Array.from({ length: 20 }, () => r.next());
    };
    expect(seq(7, "a")).toEqual(seq(7, "a"));
    expect(seq(7, "a")).not.toEqual(seq(8, "a"));
    expect(seq(7, "a")).not.toEqual(seq(7, "b"));
  });

  it("draws floats in [0, 1) with a mean near 1/2 and integers covering their closed range", () => {
    const r = new Rng(1);
    let sum = 0;
    let min = 1;
    let max = 0;
    const seen = new Set<number>();
    for (let i = 0; i < 20_000; i++) {
      const x = r.next();
      min = Math.min(min, x);
      max = Math.max(max, x);
      sum += x;
      seen.add(r.int(3, 6));
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    // Standard error of the mean of 20,000 uniforms is 0.002; 0.01 is five of them.
    expect(Math.abs(sum / 20_000 - 0.5)).toBeLessThan(0.01);
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it("keeps logUniform draws within their bounds and shuffles into a permutation", () => {
    const r = new Rng(2);
    const draws = Array.from({ length: 1000 }, () => r.logUniform(0.5, 80));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0.5);
    expect(Math.max(...draws)).toBeLessThan(80);
    // Log-uniform: about half the draws fall below the geometric mean √(0.5·80) = 6.32.
    const below = draws.filter((x) => x < Math.sqrt(40)).length;
    expect(below).toBeGreaterThan(420);
    expect(below).toBeLessThan(580);
    const list = Array.from({ length: 50 }, (_, i) => i);
    const shuffled = r.shuffle([...list]);
    expect(shuffled).not.toEqual(list);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(list);
  });

  it("picks by weight: a zero weight is never drawn", () => {
    const r = new Rng(3);
    const counts = [0, 0, 0];
    for (let i = 0; i < 3000; i++) counts[r.weighted([1, 0, 3])]!++;
    expect(counts[1]).toBe(0);
    // Expected 750 and 2250.
    expect(counts[0]).toBeGreaterThan(600);
    expect(counts[2]).toBeGreaterThan(2000);
  });

  it("hashes strings with FNV-1a (reference value of the empty string and of 'a')", () => {
    expect(hashString("")).toBe(0x811c9dc5);
    expect(hashString("a")).toBe(0xe40c292c);
  });
});

describe("ZipfPicker", () => {
  it("draws a few entries very often and the most popular about as often as the 1/k law says", () => {
    const r = new Rng(4);
    const n = 100;
    const z = new ZipfPicker(n, 1, r);
    const counts = new Array<number>(n).fill(0);
    const draws = 50_000;
    for (let i = 0; i < draws; i++) counts[z.draw(r)]!++;
    const sorted = [...counts].sort((a, b) => b - a);
    // With exponent 1 the top entry has weight 1 / H(100) ≈ 0.193 of all draws.
    let harmonic = 0;
    for (let k = 1; k <= n; k++) harmonic += 1 / k;
    expect(sorted[0]! / draws).toBeCloseTo(1 / harmonic, 1);
    expect(sorted[0]!).toBeGreaterThan(10 * sorted[49]!);
    expect(counts.every((c) => c > 0)).toBe(true);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { indexOfTopLevel, quoteIfNeeded, splitPair, splitTopLevel, unquote } from "./cell-syntax.js";

describe("splitTopLevel", () => {
  it("splits on the separator outside strings and braces only", () => {
    expect(splitTopLevel("a, b,c", ",")).toEqual(["a", " b", "c"]);
    expect(splitTopLevel('"x, y", z', ",")).toEqual(['"x, y"', " z"]);
    expect(splitTopLevel('2025-01=5 {"note":"a;b","sources":["p;q"]}; 2026-01=0', ";")).toEqual([
      '2025-01=5 {"note":"a;b","sources":["p;q"]}',
      " 2026-01=0",
    ]);
    expect(splitTopLevel('"a\\";b";c', ";")).toEqual(['"a\\";b"', "c"]);
    expect(splitTopLevel("", ",")).toEqual([""]);
  });

  it("finds the first top-level separator", () => {
    expect(indexOfTopLevel('"k=v"=1', "=")).toBe(5);
    expect(indexOfTopLevel("abc", "=")).toBe(-1);
    expect(splitPair("DE = 0.4")).toEqual(["DE ", " 0.4"]);
    expect(splitPair("DE")).toBeUndefined();
  });
});

describe("quoteIfNeeded / unquote", () => {
  it("leaves ordinary values bare and quotes awkward ones", () => {
    expect(quoteIfNeeded("c-rheinmetall")).toBe("c-rheinmetall");
    expect(quoteIfNeeded("Unterlüß")).toBe("Unterlüß");
    expect(quoteIfNeeded("NATO, 2024")).toBe('"NATO, 2024"');
    expect(quoteIfNeeded(" x")).toBe('" x"');
    expect(quoteIfNeeded("")).toBe('""');
    expect(unquote('  "NATO, 2024" ')).toBe("NATO, 2024");
    expect(unquote("  plain ")).toBe("plain");
    expect(unquote('"broken')).toBeUndefined();
  });

  it("round-trips any string through a list of quoted tokens", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "grapheme" }), { minLength: 1, maxLength: 5 }), (values) => {
        const cell = values.map(quoteIfNeeded).join(", ");
        expect(splitTopLevel(cell, ",").map(unquote)).toEqual(values);
      }),
      { numRuns: 300 },
    );
  });
});

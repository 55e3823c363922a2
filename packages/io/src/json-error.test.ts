import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonErrorOffset, lineAndColumn } from "./json-error.js";

const parses = (s: string): boolean => {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
};

describe("jsonErrorOffset", () => {
  it("points at the first offending character", () => {
    expect(jsonErrorOffset('{"a": oops}')).toBe(6);
    expect(jsonErrorOffset('{"a": 1,}')).toBe(8);
    expect(jsonErrorOffset("[1, 2")).toBe(5);
    expect(jsonErrorOffset('{"a": "x\ny"}')).toBe(8);
    expect(jsonErrorOffset('{"a": 01}')).toBe(7);
    expect(jsonErrorOffset("{} x")).toBe(3);
    expect(jsonErrorOffset(' {"a": [true, null, -1.5e3, "\\u00e9"]} ')).toBeUndefined();
  });

  it("agrees with JSON.parse on valid JSON and on damaged JSON", () => {
    const damaged = fc.tuple(fc.json(), fc.nat(), fc.constantFrom("", ",", "}", "]", '"', "x", "01", "\n")).map(([j, at, ins]) => {
      const k = at % (j.length + 1);
      return j.slice(0, k) + ins + j.slice(k + 1);
    });
    fc.assert(
      fc.property(fc.oneof(fc.json(), damaged), (s) => {
        expect(jsonErrorOffset(s) === undefined).toBe(parses(s));
      }),
      { numRuns: 500 },
    );
  });

  it("turns offsets into 1-based lines and columns", () => {
    expect(lineAndColumn("ab\ncd", 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn("ab\ncd", 4)).toEqual({ line: 2, column: 2 });
  });
});

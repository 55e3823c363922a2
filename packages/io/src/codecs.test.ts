import { describe, expect, it } from "vitest";
import { boolean, capacity, integer, list, month, number, owners, parseNumberText, shares, text, token } from "./codecs.js";

describe("numbers", () => {
  it("reads number cells and number text, and rejects anything else", () => {
    expect(number.parse(12.5)).toEqual({ value: 12.5 });
    expect(number.parse(" 1500 ")).toEqual({ value: 1500 });
    expect(number.parse("-4")).toEqual({ value: -4 });
    expect(number.parse("1e-3")).toEqual({ value: 0.001 });
    expect(number.parse("70%")).toEqual({ value: 0.7 });
    expect(number.parse("abc")).toEqual({ error: '"abc" is not a number' });
    expect(number.parse("1,000")).toHaveProperty("error");
    expect(number.parse("0x10")).toHaveProperty("error");
    expect(number.parse(true)).toHaveProperty("error");
    expect(number.parse(new Date(Date.UTC(2025, 0, 1)))).toHaveProperty("error");
    expect(parseNumberText("1e999")).toBeUndefined();
    expect(integer.parse("3")).toEqual({ value: 3 });
    expect(number.format(0.1 + 0.2)).toBe(0.30000000000000004);
  });
});

describe("booleans", () => {
  it("accepts TRUE/FALSE, yes/no and 1/0 in any case", () => {
    for (const t of [true, 1, "TRUE", "true", " Yes ", "1"]) expect(boolean.parse(t)).toEqual({ value: true });
    for (const f of [false, 0, "FALSE", "false", "NO", "0"]) expect(boolean.parse(f)).toEqual({ value: false });
    expect(boolean.parse("maybe")).toEqual({ error: '"maybe" is not TRUE or FALSE' });
    expect(boolean.parse(2)).toHaveProperty("error");
    expect(boolean.format(true)).toBe(true);
  });
});

describe("months", () => {
  it("keeps YYYY-MM text and turns date cells and full dates into their month", () => {
    expect(month.parse("2025-07")).toEqual({ value: "2025-07" });
    expect(month.parse(new Date(Date.UTC(2026, 6, 1)))).toEqual({ value: "2026-07" });
    expect(month.parse("2026-07-15")).toEqual({ value: "2026-07" });
    // Left for validation, which names the rule.
    expect(month.parse("2025-13")).toEqual({ value: "2025-13" });
    expect(month.parse("July")).toEqual({ value: "July" });
  });
});

describe("text and tokens", () => {
  it("keeps free text exactly and trims ids", () => {
    expect(text.parse("  Unterlüß ")).toEqual({ value: "  Unterlüß " });
    expect(text.parse(1320)).toEqual({ value: "1320" });
    expect(text.parse(new Date(Date.UTC(2024, 2, 5)))).toEqual({ value: "2024-03-05" });
    expect(token.parse(" c-nammo ")).toEqual({ value: "c-nammo" });
    expect(text.format("")).toBeUndefined();
  });
});

describe("lists", () => {
  it("reads comma lists, skipping empty entries, and writes them readably", () => {
    expect(list(false).parse("NLDTIB, EDTIB")).toEqual({ value: ["NLDTIB", "EDTIB"] });
    expect(list(false).parse("a,,b,")).toEqual({ value: ["a", "b"] });
    expect(list(true).parse('"NATO, 2024", s1')).toEqual({ value: ["NATO, 2024", "s1"] });
    expect(list(false).format(["NLDTIB", "EDTIB"])).toBe("NLDTIB, EDTIB");
    expect(list(true).format(["NATO, 2024"])).toBe('"NATO, 2024"');
    expect(list(false).format([])).toBeUndefined();
    expect(list(false).empty()).toEqual([]);
    expect(list(true).empty()).toBeUndefined();
  });
});

describe("shares and owners", () => {
  it("reads CC=share pairs in order", () => {
    const r = shares(false).parse("CN=0.7; RU=0.2; ZZ=0.1");
    expect(r).toEqual({ value: { CN: 0.7, RU: 0.2, ZZ: 0.1 } });
    expect(Object.keys((r as { value: object }).value)).toEqual(["CN", "RU", "ZZ"]);
    expect(shares(false).format({ CN: 0.7, RU: 0.3 })).toBe("CN=0.7; RU=0.3");
    expect(shares(true).empty()).toBeUndefined();
    expect(shares(false).empty()).toEqual({});
  });

  it("reports every malformed pair of a cell", () => {
    const r = shares(false).parse("CN=0.7; RU; DE=x; CN=0.1");
    expect(r).toEqual({ error: '"RU" should look like CC=share; "x" in "DE=x" is not a number; CN is listed twice' });
  });

  it("reads owners as owner/share objects", () => {
    expect(owners.parse("c-rheinmetall=0.6; DE=0.4")).toEqual({
      value: [
        { owner: "c-rheinmetall", share: 0.6 },
        { owner: "DE", share: 0.4 },
      ],
    });
    expect(owners.format([{ owner: "a=b", share: 1 }])).toBe('"a=b"=1');
    expect(owners.parse('"a=b"=1')).toEqual({ value: [{ owner: "a=b", share: 1 }] });
  });
});

describe("capacity", () => {
  it("reads month=perPeriod steps, with optional provenance in braces", () => {
    expect(capacity.parse("2025-01=1000; 2026-07=2500")).toEqual({
      value: [
        { from: "2025-01", perPeriod: 1000 },
        { from: "2026-07", perPeriod: 2500 },
      ],
    });
    expect(capacity.parse('2026-07=2500 {"note":"new; line","illustrative":true}')).toEqual({
      value: [{ from: "2026-07", perPeriod: 2500, note: "new; line", illustrative: true }],
    });
  });

  it("writes steps readably, provenance in schema order", () => {
    expect(
      capacity.format([
        { from: "2025-01", perPeriod: 1000 },
        { from: "2029-01", perPeriod: 0, note: "expiry", sources: ["s1"] },
      ]),
    ).toBe('2025-01=1000; 2029-01=0 {"sources":["s1"],"note":"expiry"}');
  });

  it("reports malformed steps", () => {
    expect(capacity.parse("2025-01=lots; 2026")).toEqual({
      error: '"lots" in "2025-01=lots" is not a number; "2026" should look like YYYY-MM=perPeriod',
    });
    expect(capacity.parse("2025-01=5 {oops}")).toHaveProperty("error");
    expect(capacity.parse('2025-01=5 {"from":"2020-01"}')).toHaveProperty("error");
  });
});

import { describe, expect, it } from "vitest";
import type { Bloc, Exposure } from "@paraat/core";
import { blocBars, blocColours, countryBars } from "./exposure-data.js";

const exposure: Exposure = {
  byCountry: { NL: 0.4, DE: 0.2, CN: 0.3, US: 0.05 },
  byBloc: { eu: 0.6, nato: 0.05, partner: 0, concern: 0.3, other: 0, unsourced: 0.05 },
};

describe("blocBars", () => {
  it("keeps the bloc order, drops empty blocs and adds unsourced last", () => {
    expect(blocBars(exposure).map((b) => [b.key, b.value])).toEqual([
      ["eu", 0.6],
      ["nato", 0.05],
      ["concern", 0.3],
      ["unsourced", 0.05],
    ]);
    expect(blocBars(exposure)[2]!.colour).toBe(blocColours.concern);
  });
});

describe("countryBars", () => {
  it("takes the largest countries first and colours them by bloc", () => {
    const bloc = (c: string): Bloc => (c === "CN" ? "concern" : c === "US" ? "nato" : "eu");
    const bars = countryBars(exposure, bloc, 3);
    expect(bars.map((b) => b.key)).toEqual(["NL", "CN", "DE"]);
    expect(bars[1]!.colour).toBe(blocColours.concern);
  });
});

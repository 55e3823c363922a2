import { describe, expect, it } from "vitest";
import type { ScenarioComparison } from "@paraat/core";
import { changeOf, emptyChange, targetRows } from "./scenario-form.js";

describe("the change builder", () => {
  it("writes the change in the file's field names, leaving empty fields out and numbers as numbers", () => {
    expect(changeOf({ ...emptyChange("2026-01"), node: "nl-plant", months: "6", share: "0.5" })).toEqual({
      kind: "outage",
      node: "nl-plant",
      from: "2026-01",
      months: 6,
      share: 0.5,
    });
    expect(changeOf({ ...emptyChange("2026-01"), kind: "capacity", supply: "s1", factor: "2", to: "2027-01" })).toEqual({
      kind: "capacity",
      supply: "s1",
      from: "2026-01",
      to: "2027-01",
      factor: 2,
    });
    // Not a number: passed on as typed, for the server to refuse by field.
    expect(changeOf({ ...emptyChange("2026-01"), node: "x", months: "six" })).toMatchObject({ months: "six" });
  });
});

describe("the comparison table", () => {
  it("marks a target met later than in the base as worse and earlier as better", () => {
    const c = {
      scenarios: [
        { name: "base", targets: [{ id: "t", met: false, metAt: "2030-02", gapAtBy: 5, monthsLate: 8 }], demands: [] },
        {
          name: "a",
          targets: [
            { id: "t", met: false, metAt: "2030-05", gapAtBy: 9, monthsLate: 11, diff: { monthsLater: 3, gapAtBy: 4, metChanged: false } },
          ],
          demands: [],
        },
        {
          name: "b",
          targets: [
            { id: "t", met: true, metAt: "2029-10", gapAtBy: 0, monthsLate: 0, diff: { monthsLater: -4, gapAtBy: -5, metChanged: true } },
          ],
          demands: [],
        },
      ],
    } as unknown as ScenarioComparison;
    const [row] = targetRows(c);
    expect(row!.cells.map((x) => [x.value, x.diff, x.worse, x.better])).toEqual([
      ["2030-02", null, false, false],
      ["2030-05", 3, true, false],
      ["2029-10", -4, false, true],
    ]);
  });
});

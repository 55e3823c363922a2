import { describe, expect, it } from "vitest";
import { splitObjectiveConstant } from "./objective-constant.js";
import { parseLp } from "./parse-lp.js";

describe("splitObjectiveConstant", () => {
  it("removes the constant from a multi-line objective and leaves the rest of the text as it was", () => {
    const rest = "Subject To\n c: x + y >= 2\nBounds\n y free\nEnd\n";
    const { lp, constant } = splitObjectiveConstant(`\\ comment\nMinimize\n obj: 3 x\n   - y + 7.5\n${rest}`);
    expect(constant).toBe(7.5);
    expect(lp.endsWith(rest)).toBe(true);
    const p = parseLp(lp);
    expect(p.objectiveConstant).toBe(0);
    expect(p.objective).toEqual([
      { name: "x", coef: 3 },
      { name: "y", coef: -1 },
    ]);
  });

  it("reads Windows line ends and an objective that runs to the end of the text", () => {
    const crlf = splitObjectiveConstant("Minimize\r\n obj: 2 x + 1\r\nSubject To\r\n c: x >= 2\r\nEnd\r\n");
    expect(crlf.constant).toBe(1);
    expect(parseLp(crlf.lp).rows).toHaveLength(1);
    expect(splitObjectiveConstant("Minimize\n obj: 2 x - 3").constant).toBe(-3);
  });

  it("returns the text unchanged when there is no constant", () => {
    const text = "Minimize\n obj: 3 x\nSubject To\n c: x >= 2\nEnd\n";
    expect(splitObjectiveConstant(text)).toEqual({ lp: text, constant: 0 });
  });

  it("keeps an objective of only a constant readable for GLPK by writing `0 x`", () => {
    const { lp, constant } = splitObjectiveConstant("Minimize\n obj: 4\nSubject To\n c: x >= 2\nEnd\n");
    expect(constant).toBe(4);
    expect(lp).toContain("obj: 0 x");
  });
});

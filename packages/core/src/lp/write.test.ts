import { describe, expect, it } from "vitest";
import { LpModel } from "./model.js";
import { formatLpNumber, writeLp } from "./write.js";

function twoVariableModel(): LpModel {
  // min 2 x0 - y0_1  s.t.  a0: x0 + 3 y0_1 <= 4,  b0_2: x0 - y0_1 = -1;  0 <= x0 <= 5, y0_1 free
  const m = new LpModel(["x", "y", "a", "b"]);
  const x = m.addVariable(0, 0, -1, 0, 5, 2);
  const y = m.addVariable(1, 0, 1, -Infinity, Infinity, -1);
  m.addTerm(x, 1);
  m.addTerm(y, 3);
  m.endRow(2, 0, -1, "<=", 4);
  m.addTerm(x, 1);
  m.addTerm(y, -1);
  m.endRow(3, 0, 2, "=", -1);
  return m;
}

describe("writeLp", () => {
  it("writes objective, rows and only the bounds that differ from [0, inf)", () => {
    expect(writeLp(twoVariableModel(), { comments: ["a test\nwith a newline"] })).toBe(
      [
        "\\ a test with a newline",
        "Minimize",
        " obj: + 2 x0 - y0_1",
        "Subject To",
        " a0: + x0 + 3 y0_1 <= 4",
        " b0_2: + x0 - y0_1 = -1",
        "Bounds",
        " x0 <= 5",
        " y0_1 free",
        "End",
        "",
      ].join("\n"),
    );
  });

  it("writes every kind of bound", () => {
    const m = new LpModel(["v", "r"]);
    const bounds: [number, number][] = [
      [1, 1],
      [2, Infinity],
      [-3, 4],
      [-Infinity, 7],
      [0, Infinity],
    ];
    bounds.forEach(([lo, up], k) => {
      const j = m.addVariable(0, k, -1, lo, up, 1);
      m.addTerm(j, 1);
      m.endRow(1, k, -1, ">=", 0);
    });
    const text = writeLp(m);
    const section = text.slice(text.indexOf("Bounds\n") + 7, text.indexOf("End"));
    expect(section).toBe(" v0 = 1\n v1 >= 2\n -3 <= v2 <= 4\n -inf <= v3 <= 7\n");
  });

  it("breaks long rows and objectives into continuation lines", () => {
    const m = new LpModel(["z", "r"]);
    for (let k = 0; k < 20; k++) {
      m.addTerm(m.addVariable(0, k, -1, 0, Infinity, 1), 1);
    }
    m.endRow(1, 0, -1, ">=", 1);
    const lines = writeLp(m).split("\n");
    const obj = lines.slice(lines.indexOf("Minimize") + 1, lines.indexOf("Subject To"));
    const row = lines.slice(lines.indexOf("Subject To") + 1, lines.indexOf("Bounds"));
    expect(obj).toHaveLength(3);
    expect(row).toHaveLength(3);
    expect(row[0]!.startsWith(" r0: + z0")).toBe(true);
    expect(row[2]!.endsWith("+ z19 >= 1")).toBe(true);
    // Continuation lines start with a blank so no reader takes them for a new row or section.
    for (const l of [...obj, ...row]) expect(l.startsWith(" ")).toBe(true);
    expect(row.join(" ").match(/z\d+/g)).toHaveLength(20);
  });

  it("writes several models as one block-diagonal programme", () => {
    const a = new LpModel(["x", "r"]);
    a.addTerm(a.addVariable(0, 0, -1, 0, Infinity, 1), 1);
    a.endRow(1, 0, -1, ">=", 1);
    const b = new LpModel(["x", "r"]);
    b.addTerm(b.addVariable(0, 1, -1, 0, Infinity, 2), 1);
    b.endRow(1, 1, -1, ">=", 3);
    expect(writeLp([a, b])).toBe("Minimize\n obj: + x0 + 2 x1\nSubject To\n r0: + x0 >= 1\n r1: + x1 >= 3\nBounds\nEnd\n");
  });

  it("gives an objective without terms a variable", () => {
    const m = new LpModel(["x", "r"]);
    m.addTerm(m.addVariable(0, 0, -1, 0, 1, 0), 1);
    m.endRow(1, 0, -1, "<=", 1);
    expect(writeLp(m)).toContain("Minimize\n obj: 0 x0\n");
  });

  it("formats numbers so they read back exactly", () => {
    for (const v of [1, -2.5, 0.1 + 0.2, 1 / 3, 1e-7, 123456789012, 5e-324, 1.7976931348623157e308])
      expect(Number(formatLpNumber(v))).toBe(v);
    expect(formatLpNumber(-0)).toBe("0");
    expect(() => formatLpNumber(Infinity)).toThrow(RangeError);
  });
});

describe("LpModel", () => {
  it("rejects name prefixes readers could misread", () => {
    expect(() => new LpModel(["e"])).toThrow(RangeError);
    expect(() => new LpModel(["x1"])).toThrow(RangeError);
    expect(() => new LpModel(["x", "x"])).toThrow(RangeError);
  });

  it("drops a row without terms that holds, and refuses one that cannot", () => {
    const m = new LpModel(["x", "r"]);
    m.addVariable(0, 0, -1, 0, 1, 1);
    m.addTerm(0, 0);
    expect(m.endRow(1, 0, -1, "<=", 3)).toBe(-1);
    expect(() => m.endRow(1, 1, -1, ">=", 3)).toThrow(RangeError);
    expect(m.rowCount).toBe(0);
  });

  it("reads values back by name and computes reduced costs from duals", () => {
    const m = twoVariableModel();
    expect(m.size()).toEqual({ variables: 2, constraints: 2, nonzeros: 4 });
    expect([...m.readPrimal(new Map([["x0", 1.5]]))]).toEqual([1.5, 0]);
    expect([...m.readDuals(new Map([["b0_2", -2]]))]).toEqual([0, -2]);
    // rc = c − Aᵀy with y = (−1, −2): x0: 2 − (1·−1 + 1·−2) = 5; y0_1: −1 − (3·−1 + −1·−2) = 0.
    expect([...m.reducedCosts(new Float64Array([-1, -2]))]).toEqual([5, 0]);
    expect(m.objectiveOf(new Float64Array([1, 2]))).toBe(0);
  });

  it("grows past its initial capacity", () => {
    const m = new LpModel(["x", "r"]);
    for (let k = 0; k < 50_000; k++) {
      const j = m.addVariable(0, k, -1, 0, k + 1, 1);
      m.addTerm(j, 2);
      m.endRow(1, k, -1, ">=", 1);
    }
    expect(m.size()).toEqual({ variables: 50_000, constraints: 50_000, nonzeros: 50_000 });
    expect(m.upper(49_999)).toBe(50_000);
    expect(m.variableName(49_999)).toBe("x49999");
  });
});

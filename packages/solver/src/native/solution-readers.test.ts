import { describe, expect, it } from "vitest";
import { CbcSolutionReader } from "./cbc-solution.js";
import { GlpkNameReader, GlpsolSolutionReader } from "./glpsol-solution.js";

const feed = <T extends { line(l: string): void }>(reader: T, text: string): T => {
  for (const l of text.split("\n")) reader.line(l);
  return reader;
};

// Files as CBC 2.10 and glpsol 5.0 wrote them for:
//   min -3x + 2y  s.t. cap: x <= 10, dem: x + y >= 12, e1: y - z = 1; z free, -2 <= w <= 3
describe("CbcSolutionReader", () => {
  it("reads status, objective, row duals and column values (rows first, then columns from index 0)", () => {
    const text = [
      "Optimal - objective value -26.00000000",
      "      0 cap                   10                      -5",
      "      1 dem                   12                       2",
      "      2 e1                     1                      -0",
      "      0 x                     10                       0",
      "      1 y                      2                       0",
      "      2 z                      1                       0",
      "      3 w                     -2                       0",
    ].join("\n");
    const s = feed(new CbcSolutionReader(), text).result();
    expect(s.status).toBe("optimal");
    expect(s.objective).toBe(-26);
    expect([...s.duals]).toEqual([
      ["cap", -5],
      ["dem", 2],
      ["e1", 0],
    ]);
    expect(Object.is(s.duals.get("e1"), 0)).toBe(true);
    expect([...s.primal]).toEqual([
      ["x", 10],
      ["y", 2],
      ["z", 1],
      ["w", -2],
    ]);
  });

  it("reads lines flagged ** (infeasible) and the statuses without a solution", () => {
    const inf = feed(
      new CbcSolutionReader(),
      "Infeasible - objective value 3.00000000\n      0 a  3  0\n**       1 b  3  0\n      0 x  3  0\n",
    ).result();
    expect(inf.status).toBe("infeasible");
    expect(inf.primal.size).toBe(0);
    expect(feed(new CbcSolutionReader(), "Unbounded - objective value 0.00000000\n").result().status).toBe("unbounded");
    expect(feed(new CbcSolutionReader(), "Stopped on time - objective value 12.5\n      0 x 1 0\n").result()).toMatchObject({
      status: "time-limit",
      objective: 12.5,
    });
    expect(feed(new CbcSolutionReader(), "").result().status).toBe("error");
  });

  it("treats every line as a column when the model has no rows (zero values left out)", () => {
    const s = feed(new CbcSolutionReader(), "Optimal - objective value 1\n      0 x 1 0\n      1 y 0 1\n").result();
    expect([...s.primal]).toEqual([["x", 1]]);
    expect(s.duals.size).toBe(0);
  });
});

describe("GlpsolSolutionReader", () => {
  const names = feed(
    new GlpkNameReader(),
    "p lp min 3 4 5\nn z obj\ni 1 u 10\nn i 1 cap\ni 2 l 12\nn i 2 dem\ni 3 s 1\nn i 3 e1\nn j 1 x\nn j 2 y\nj 3 f\nn j 3 z\nj 4 d -2 3\nn j 4 w\na 0 1 -3\ne o f\n",
  );
  const solution =
    "c Status:     OPTIMAL\nc\ns bas 3 4 f f -26\ni 1 u 10 -5\ni 2 l 12 2\ni 3 s 1 0\nj 1 b 10 0\nj 2 b 2 0\nj 3 b 1 0\nj 4 l -2 0\ne o f\n";

  it("maps numbered rows and columns to the names of the problem file", () => {
    const s = feed(new GlpsolSolutionReader(names), solution).result("");
    expect(s.status).toBe("optimal");
    expect(s.objective).toBe(-26);
    expect(Object.fromEntries(s.duals)).toEqual({ cap: -5, dem: 2, e1: 0 });
    expect(Object.fromEntries(s.primal)).toEqual({ x: 10, y: 2, z: 1, w: -2 });
  });

  it("reads infeasible and unbounded from the status letters, and from the log when the presolver left them undefined", () => {
    const status = (sol: string, log = ""): string => feed(new GlpsolSolutionReader(names), sol).result(log).status;
    expect(status("s bas 2 1 n i 2\n")).toBe("infeasible");
    expect(status("s bas 1 1 f n -3\n")).toBe("unbounded");
    expect(status("s bas 2 1 u u 0\n", "PROBLEM HAS NO PRIMAL FEASIBLE SOLUTION\n")).toBe("infeasible");
    expect(status("s bas 2 1 u u 0\n", "PROBLEM HAS NO DUAL FEASIBLE SOLUTION\n")).toBe("error");
    expect(status("s bas 2 1 f i 7\nj 1 b 1 0\n", "TIME LIMIT EXCEEDED; SEARCH TERMINATED\n")).toBe("time-limit");
    expect(status("")).toBe("error");
  });
});

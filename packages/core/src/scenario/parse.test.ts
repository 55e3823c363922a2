import { expect, it } from "vitest";
import { parseScenario } from "./parse.js";

it("reads a scenario file with the fixed names", () => {
  const r = parseScenario({
    format: "paraat-scenario",
    version: 1,
    name: "export ban",
    changes: [{ kind: "outage", node: "CN", from: "2026-01", months: 12, share: 0.5 }],
  });
  expect(r.ok).toBe(true);
});

it("lists every problem of a malformed file with its path", () => {
  const r = parseScenario({
    format: "paraat-scenario",
    version: 2,
    name: "",
    changes: [
      { kind: "outage", node: "CN", from: "2026-13", share: 1.5 },
      { kind: "capacity", supply: "x", from: "2026-01", factor: 2, perPeriod: 3 },
      { kind: "meteor" },
      { kind: "priority", consumer: "nl", priority: 1, colour: "red" },
    ],
  });
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.issues.map((i) => i.field).sort()).toEqual(
    ["version", "name", "changes[0].from", "changes[0].share", "changes[1].factor", "changes[2].kind", "changes[3].colour"].sort(),
  );
  expect(r.issues.filter((i) => i.field.startsWith("changes[1]")).map((i) => i.change)).toEqual([1]);
});

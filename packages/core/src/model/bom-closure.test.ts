import { expect, it } from "vitest";
import { bomClosure } from "./bom-closure.js";

it("finds an item and everything below it, once each, through shared parts and cycles alike", () => {
  const bom = [
    { parent: "A", child: "B" },
    { parent: "A", child: "C" },
    { parent: "B", child: "D" },
    { parent: "C", child: "D" },
    { parent: "X", child: "A" },
  ];
  expect([...bomClosure(bom, "A")].sort()).toEqual(["A", "B", "C", "D"]);
  expect([...bomClosure(bom, "D")]).toEqual(["D"]);
  expect([...bomClosure([...bom, { parent: "D", child: "A" }], "B")].sort()).toEqual(["A", "B", "C", "D"]);
});

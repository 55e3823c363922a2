import { describe, expect, it } from "vitest";
import { parseJobEvent, progressFraction } from "./plan-job.js";

describe("job events", () => {
  it("reads the job from either the job itself or a { type, job } envelope", () => {
    expect(parseJobEvent('{"id":"j1","progress":0.4,"message":"solving"}')).toEqual({ id: "j1", progress: 0.4, message: "solving" });
    expect(parseJobEvent('{"type":"progress","job":{"id":"j1","progress":0.7}}')).toEqual({ id: "j1", progress: 0.7 });
    expect(parseJobEvent("not json")).toEqual({});
    expect(parseJobEvent("")).toEqual({});
  });

  it("reads progress as a fraction whether sent as 0…1 or as a percentage, clamped", () => {
    expect(progressFraction(0.25)).toBe(0.25);
    expect(progressFraction(40)).toBe(0.4);
    expect(progressFraction(-3)).toBe(0);
    expect(progressFraction(250)).toBe(1);
    expect(progressFraction("x")).toBe(0);
  });
});

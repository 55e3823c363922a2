import type { z } from "zod";

/** Renders a zod path like ["capacity", 1, "perPeriod"] as "capacity[1].perPeriod". */
export function pathToField(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else out += out === "" ? String(p) : `.${String(p)}`;
  }
  return out;
}

/** What the data model expects, in words, for one zod issue. */
export function expectedOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.expected === "never" ? "no such field" : `a ${issue.expected}`;
    case "too_small":
      return issue.origin === "array" || issue.origin === "string"
        ? `at least ${String(issue.minimum)} ${issue.origin === "array" ? "entries" : "characters"}`
        : `a number ${issue.inclusive ? "≥" : ">"} ${String(issue.minimum)}`;
    case "too_big":
      return issue.origin === "array" || issue.origin === "string"
        ? `at most ${String(issue.maximum)} ${issue.origin === "array" ? "entries" : "characters"}`
        : `a number ${issue.inclusive ? "≤" : "<"} ${String(issue.maximum)}`;
    case "invalid_value":
      return `one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "unrecognized_keys":
      return "only the fields of the data model";
    case "invalid_format":
      return issue.message;
    case "not_multiple_of":
      return `a multiple of ${String(issue.divisor)}`;
    case "invalid_key":
      return "a valid key";
    case "invalid_element":
    case "invalid_union":
    case "custom":
      return issue.message;
  }
}

/**
 * Problems with a request's input (path, query or body), each naming its field, in the shape the
 * API returns under details.issues of VALIDATION_FAILED. Every problem is listed, not only the first.
 */
import { ParaatError, pathToField } from "@paraat/core";
import type { z } from "zod";

export type InputPart = "params" | "query" | "body";

export interface InputIssue {
  in: InputPart;
  /** Path of the field within that part, e.g. "weights.lateness"; "" for the part as a whole. */
  field: string;
  message: string;
  /** What would have been accepted, in words. */
  expected: string;
  /** The zod issue code, e.g. "invalid_type", "too_small". */
  code: string;
  /** `<part>.<field>`, in the place where file issues carry their location. */
  location: { path: string };
}

function expectedOf(i: z.core.$ZodIssue): string {
  switch (i.code) {
    case "invalid_type":
      return `a ${i.expected}`;
    case "invalid_value":
      return `one of ${i.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "unrecognized_keys":
      return "only the documented fields";
    case "too_small":
    case "too_big":
    case "invalid_format":
    case "not_multiple_of":
    case "invalid_key":
    case "invalid_element":
    case "invalid_union":
    case "custom":
      return i.message;
  }
}

function issue(part: InputPart, path: readonly PropertyKey[], message: string, i: z.core.$ZodIssue): InputIssue {
  const field = pathToField(path);
  return { in: part, field, message, expected: expectedOf(i), code: i.code, location: { path: field === "" ? part : `${part}.${field}` } };
}

export function inputIssues(part: InputPart, error: z.ZodError): InputIssue[] {
  return error.issues.flatMap((i): InputIssue[] => {
    // One issue per unknown key, so each field is named on its own.
    if (i.code === "unrecognized_keys") return i.keys.map((k) => issue(part, [...i.path, k], `unknown field ${k}`, i));
    return [issue(part, i.path, i.message, i)];
  });
}

export function inputFailed(issues: InputIssue[]): ParaatError {
  const n = issues.length;
  const shown = issues
    .slice(0, 3)
    .map((i) => `${i.in}${i.field ? `.${i.field}` : ""}: ${i.message}`)
    .join("; ");
  return new ParaatError("VALIDATION_FAILED", `${n} problem${n === 1 ? "" : "s"} with the request: ${shown}${n > 3 ? "; …" : ""}`, {
    details: { issues },
  });
}

/** Parses one part of the input, or throws VALIDATION_FAILED listing every problem. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, part: InputPart = "body"): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw inputFailed(inputIssues(part, r.error));
}

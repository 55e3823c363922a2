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
  /** The zod issue code, e.g. "invalid_type", "too_small". */
  code: string;
}

export function inputIssues(part: InputPart, error: z.ZodError): InputIssue[] {
  return error.issues.flatMap((i): InputIssue[] => {
    // One issue per unknown key, so each field is named on its own.
    if (i.code === "unrecognized_keys")
      return i.keys.map((k) => ({ in: part, field: pathToField([...i.path, k]), message: `unknown field ${k}`, code: i.code }));
    return [{ in: part, field: pathToField(i.path), message: i.message, code: i.code }];
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

import { ParaatError } from "../errors.js";

/** A problem with a scenario, located by its change and field, precise enough to fix without guessing. */
export interface ScenarioIssue {
  /** 0-based position of the change in `changes`; absent for the scenario's own fields. */
  change?: number;
  /** Path of the field, e.g. "changes[2].node". */
  field: string;
  value?: unknown;
  expected: string;
  message: string;
}

export type ScenarioResult<T> = { ok: true; value: T } | { ok: false; issues: ScenarioIssue[] };

export function changeIssue(change: number, field: string, value: unknown, expected: string, message: string): ScenarioIssue {
  return { change, field: `changes[${change}].${field}`, value, expected, message };
}

/** VALIDATION_FAILED listing every problem of a scenario (details.issues), as the API and the CLI report it. */
export function scenarioInvalid(name: string, issues: ScenarioIssue[]): ParaatError {
  const n = issues.length;
  const shown = issues
    .slice(0, 3)
    .map((i) => `${i.field}: ${i.message}`)
    .join("; ");
  return new ParaatError("VALIDATION_FAILED", `scenario ${name}: ${n} problem${n === 1 ? "" : "s"}: ${shown}${n > 3 ? "; …" : ""}`, {
    details: { scenario: name, issues },
  });
}

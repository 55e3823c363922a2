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

/** Reading anything that claims to be a scenario: every problem at once, each with its field path. */
import { pathToField } from "../model/zod-issues.js";
import type { ScenarioIssue, ScenarioResult } from "./issues.js";
import { scenarioSchema, type Scenario } from "./schema.js";

export function parseScenario(input: unknown): ScenarioResult<Scenario> {
  const r = scenarioSchema.safeParse(input, { reportInput: true });
  if (r.success) return { ok: true, value: r.data };
  const issues = r.error.issues.flatMap((i): ScenarioIssue[] => {
    const change = i.path[0] === "changes" && typeof i.path[1] === "number" ? i.path[1] : undefined;
    const at = (path: readonly PropertyKey[]): Pick<ScenarioIssue, "field"> & { change?: number } => ({
      ...(change === undefined ? {} : { change }),
      field: pathToField(path) || "(scenario)",
    });
    if (i.code === "unrecognized_keys")
      return i.keys.map((k) => ({
        ...at([...i.path, k]),
        expected: "only the fields of the scenario format",
        message: `unknown field ${k}`,
      }));
    return [{ ...at(i.path), value: i.input, expected: i.message, message: i.message }];
  });
  return { ok: false, issues };
}

/** Reading anything that claims to be a scenario or an events file: every problem at once, each with its field path. */
import type { z } from "zod";
import { pathToField } from "../model/zod-issues.js";
import { eventsFileSchema, type EventsFile } from "./events.js";
import type { ScenarioIssue, ScenarioResult } from "./issues.js";
import { scenarioSchema, type Scenario } from "./schema.js";

/** Zod's issues as located scenario issues; `list` names the array whose index is `change` ("changes", "events"). */
function located(error: z.ZodError, list: string, what: string): ScenarioIssue[] {
  return error.issues.flatMap((i): ScenarioIssue[] => {
    const change = i.path[0] === list && typeof i.path[1] === "number" ? i.path[1] : undefined;
    const at = (path: readonly PropertyKey[]): Pick<ScenarioIssue, "field"> & { change?: number } => ({
      ...(change === undefined ? {} : { change }),
      field: pathToField(path) || `(${what})`,
    });
    if (i.code === "unrecognized_keys")
      return i.keys.map((k) => ({
        ...at([...i.path, k]),
        expected: `only the fields of the ${what} format`,
        message: `unknown field ${k}`,
      }));
    return [{ ...at(i.path), value: i.input, expected: i.message, message: i.message }];
  });
}

export function parseScenario(input: unknown): ScenarioResult<Scenario> {
  const r = scenarioSchema.safeParse(input, { reportInput: true });
  return r.success ? { ok: true, value: r.data } : { ok: false, issues: located(r.error, "changes", "scenario") };
}

/** An events file (format paraat-events); `change` of an issue is then the event's position. */
export function parseEvents(input: unknown): ScenarioResult<EventsFile> {
  const r = eventsFileSchema.safeParse(input, { reportInput: true });
  return r.success ? { ok: true, value: r.data } : { ok: false, issues: located(r.error, "events", "events") };
}

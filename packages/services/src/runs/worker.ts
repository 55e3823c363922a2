/**
 * The worker thread's entry (piscina): one task is one run. Progress goes back on the task's
 * own port; the outcome comes back as plain data, since an error's code and details do not
 * survive the structured clone of an Error.
 */
import type { MessagePort } from "node:worker_threads";
import { toParaatError, type ErrorCode } from "@paraat/core";
import { runFunctions, type RunInput, type RunKind, type RunOutput } from "./run-kinds.js";

export interface RunTask<K extends RunKind = RunKind> {
  kind: K;
  input: RunInput<K>;
  /** Receives `{ fraction, message }` messages. */
  port: MessagePort;
}

export interface ProgressMessage {
  fraction: number;
  message: string;
}

export type RunReply<K extends RunKind = RunKind> =
  { ok: true; value: RunOutput<K> } | { ok: false; error: { code: ErrorCode; message: string; details?: unknown } };

const functions = runFunctions();

export default async function runTask(task: RunTask): Promise<RunReply> {
  const progress = (fraction: number, message: string): void => task.port.postMessage({ fraction, message } satisfies ProgressMessage);
  try {
    const run = functions[task.kind] as (input: RunInput<RunKind>, p: typeof progress) => Promise<RunOutput<RunKind>>;
    return { ok: true, value: await run(task.input, progress) };
  } catch (e) {
    return { ok: false, error: toParaatError(e).toJSON() };
  } finally {
    task.port.close();
  }
}

/**
 * How the worker file is found: next to this module. Built, that is worker.js in dist and Node
 * loads it as it is. From TypeScript source (Vitest, the bench), it is worker.ts, which a worker
 * thread loads through tsx, resolving the workspace packages to their sources as the parent does.
 */
export interface WorkerEntry {
  filename: string;
  /** undefined: the worker inherits the parent's options. */
  execArgv?: string[];
}

export function workerEntry(here: string = import.meta.url): WorkerEntry {
  if (here.endsWith(".ts"))
    return { filename: new URL("./worker.ts", here).href, execArgv: ["--import", "tsx", "--conditions=paraat-source"] };
  return { filename: new URL("./worker.js", here).href };
}

import { ParaatError } from "@paraat/core";
import { openStore, type Store } from "@paraat/store";
import { formats, render, type CommandResult, type Format } from "./output.js";

/** Options every command accepts. */
export interface GlobalOptions {
  db?: string;
  dataset?: string;
  format?: string;
  quiet?: boolean;
}

export function parseFormat(value: string | undefined, fallback: Format = "table"): Format {
  const f = value ?? fallback;
  if (!(formats as readonly string[]).includes(f))
    throw new ParaatError("INVALID_ARGUMENT", `--format must be one of ${formats.join(", ")}; got "${f}"`);
  return f as Format;
}

/** The shared connection wrapper: opens the store, runs the action, always closes. */
export async function withStore<T>(options: GlobalOptions, action: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(options.db);
  try {
    return await action(store);
  } finally {
    await store.close();
  }
}

export function print(options: GlobalOptions, result: CommandResult): void {
  process.stdout.write(`${render(parseFormat(options.format), result)}\n`);
}

/** Progress and hints go to stderr so stdout stays machine-readable. */
export function info(options: GlobalOptions, message: string): void {
  if (!options.quiet) process.stderr.write(`${message}\n`);
}

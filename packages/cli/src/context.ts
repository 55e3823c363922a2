import { ParaatError } from "@paraat/core";
import { cliActor, createServices, type Actor, type InputIssue, type Services, type ServicesOptions } from "@paraat/services";
import { openStore, type Store } from "@paraat/store";
import { formats, render, type CommandResult, type Format } from "./output.js";

/** Options every command accepts. */
export interface GlobalOptions {
  db?: string;
  dataset?: string;
  format?: string;
  quiet?: boolean;
  /** Act as this stored user (their role; the audit log names them) instead of the operating-system user. */
  as?: string;
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

export interface CliSession {
  services: Services;
  /** Who the command acts as: `cli:<operating-system user>` with every permission, or the `--as` user. */
  actor: Actor;
}

/**
 * Every command that reads or changes the database is a client of the same services as the HTTP
 * API, so its writes are audited with its actor and the same rules apply. Input problems of a
 * service's schema are reported as the command's options (`optionNames` maps a field to its flag).
 */
export async function withServices<T>(
  options: GlobalOptions,
  action: (session: CliSession) => Promise<T>,
  config: { services?: Omit<ServicesOptions, "store">; optionNames?: Record<string, string> } = {},
): Promise<T> {
  return withStore(options, async (store) => {
    const services = createServices({ ...config.services, store });
    try {
      const actor = options.as === undefined ? cliActor() : await services.users.actAs(options.as);
      return await action({ services, actor });
    } catch (e) {
      throw asOptionError(e, config.optionNames ?? {});
    } finally {
      await services.close();
    }
  });
}

/** `weights.unmetUsage` → `--weights.unmet-usage` unless named otherwise. */
function flagOf(field: string, names: Record<string, string>): string {
  return names[field] ?? `--${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** A service's input problems as the options they came from, e.g. "--resolve-top: Too big: …". */
export function asOptionError(e: unknown, names: Record<string, string> = {}): unknown {
  if (!(e instanceof ParaatError) || e.code !== "VALIDATION_FAILED") return e;
  const issues = (e.details as { issues?: InputIssue[] } | undefined)?.issues ?? [];
  if (issues.length === 0 || !issues.every((i) => typeof i.in === "string")) return e;
  return new ParaatError("INVALID_ARGUMENT", issues.map((i) => `${flagOf(i.field, names)}: ${i.message}`).join("; "), {
    details: e.details,
  });
}

/** A whole number given as an option's text; anything else is passed on as it is, for the schema to refuse by name. */
export function numberOption(value: string | undefined): number | string | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  return value.trim() !== "" && Number.isFinite(n) ? n : value;
}

export function print(options: GlobalOptions, result: CommandResult): void {
  process.stdout.write(`${render(parseFormat(options.format), result)}\n`);
}

/** Progress and hints go to stderr so stdout stays machine-readable. */
export function info(options: GlobalOptions, message: string): void {
  if (!options.quiet) process.stderr.write(`${message}\n`);
}

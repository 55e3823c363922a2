import { Command, CommanderError } from "commander";
import { formatIssue, toParaatError, type ValidationIssue } from "@paraat/core";
import { commands } from "./commands/index.js";

export function buildProgram(): Command {
  const program = new Command("paraat")
    .description("Paraat — production and supply security of ammunition and defence materiel")
    .option("--db <location>", "database: a SQLite file path or a postgres:// URL (default: $PARAAT_DB or ./paraat.db)")
    .option("--dataset <name>", "dataset to act on (default: the only one)")
    .option("--format <format>", "output format: json, table or csv", "table")
    .option("--as <user>", "act as this stored user (their role; the audit log names them); default: the operating-system user")
    .option("-q, --quiet", "no progress or hints on stderr")
    .showHelpAfterError()
    .exitOverride();
  for (const register of commands) register(program);
  return program;
}

/** Runs the CLI and returns the exit code; errors go to stderr with their stable code. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    const err = toParaatError(e);
    const format = program.opts<{ format?: string }>().format;
    if (format === "json") {
      process.stderr.write(`${JSON.stringify({ error: err.toJSON() }, null, 2)}\n`);
    } else {
      process.stderr.write(`error ${err.code}: ${err.message}\n`);
      const issues = (err.details as { issues?: ValidationIssue[] } | undefined)?.issues;
      if (Array.isArray(issues)) for (const issue of issues) process.stderr.write(`  - ${formatIssue(issue)}\n`);
      if (err.code === "INTERNAL" && err.cause instanceof Error && err.cause.stack) process.stderr.write(`${err.cause.stack}\n`);
    }
    return err.exitCode;
  }
}

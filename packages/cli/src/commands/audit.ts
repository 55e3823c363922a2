import type { Command } from "commander";
import { ParaatError } from "@paraat/core";
import { numberOption, print, withServices, type GlobalOptions } from "../context.js";

interface AuditOptions {
  actor?: string;
  limit: string;
}

/** The audit log, newest first: who changed what, when, before → after. */
export function registerAudit(program: Command): void {
  program
    .command("audit")
    .description("the audit log, newest first: every change through the web app, the API and this command line, with its actor")
    .option("--actor <name>", "only changes by this actor (e.g. alice, or cli:root)")
    .option("--limit <n>", "at most this many entries (1 to 1000)", "50")
    .action(async (cmd: AuditOptions) => {
      const opts = program.opts<GlobalOptions>();
      const limit = numberOption(cmd.limit);
      if (typeof limit !== "number" || !Number.isInteger(limit) || limit < 1 || limit > 1000)
        throw new ParaatError("INVALID_ARGUMENT", `--limit must be a whole number from 1 to 1000; got "${cmd.limit}"`);
      const entries = await withServices(opts, ({ services, actor }) =>
        services.audit.list(actor, {
          limit,
          ...(opts.dataset === undefined ? {} : { dataset: opts.dataset }),
          ...(cmd.actor === undefined ? {} : { actor: cmd.actor }),
        }),
      );
      print(opts, {
        json: entries,
        tables: [
          {
            title: `Audit log (${entries.length} entr${entries.length === 1 ? "y" : "ies"}, newest first)`,
            columns: [
              { key: "id", label: "#", align: "right" },
              { key: "at", label: "when" },
              { key: "actor", label: "who" },
              { key: "action", label: "what" },
              { key: "dataset", label: "dataset" },
              { key: "subject", label: "row" },
            ],
            rows: entries.map((e) => ({ ...e, subject: e.entity === null ? "" : `${e.entity} ${e.key ?? ""}` })),
          },
        ],
      });
    });
}

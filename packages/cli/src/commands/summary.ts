import type { Command } from "commander";
import { print, withServices, type GlobalOptions } from "../context.js";

export function registerSummary(program: Command): void {
  program
    .command("summary")
    .description("headline facts of a dataset: horizon, counts, end items, targets and deliveries")
    .action(async () => {
      const opts = program.opts<GlobalOptions>();
      const s = await withServices(opts, async ({ services, actor }) =>
        services.datasets.summary(actor, await services.datasets.resolveName(actor, opts.dataset)),
      );
      print(opts, {
        json: s,
        tables: [
          {
            title: `Dataset ${s.name}: ${s.horizon.start} to ${s.horizon.end} (${s.horizon.periods} months), ${s.sources} sources, ${Math.round(s.illustrativeShare * 100)}% of rows illustrative`,
            columns: [
              { key: "entity", label: "entity" },
              { key: "count", label: "rows", align: "right" },
            ],
            rows: Object.entries(s.counts).map(([entity, count]) => ({ entity, count })),
          },
          {
            title: "End items",
            columns: [
              { key: "id", label: "id" },
              { key: "name", label: "name" },
              { key: "suppliers", label: "suppliers", align: "right" },
              { key: "countries", label: "made in" },
            ],
            rows: s.endItems.map((e) => ({ ...e, countries: e.countries.join(" ") })),
          },
          {
            title: "Stock targets",
            columns: [
              { key: "id", label: "target" },
              { key: "item", label: "item" },
              { key: "consumer", label: "for" },
              { key: "holding", label: "holding now", align: "right" },
              { key: "level", label: "level", align: "right" },
              { key: "by", label: "by" },
            ],
            rows: s.targets,
          },
          {
            title: "Deliveries",
            columns: [
              { key: "consumer", label: "to" },
              { key: "item", label: "item" },
              { key: "qty", label: "total qty", align: "right" },
              { key: "count", label: "orders", align: "right" },
              { key: "first", label: "first due" },
              { key: "last", label: "last due" },
            ],
            rows: s.demands,
          },
        ],
        notes: ["Next: paraat plan (by when is each target met) and paraat risk (risky dependencies)."],
      });
    });
}

/**
 * applyScenario: the dataset with a scenario's changes applied in order, as a pure function. Each
 * change is checked against the dataset as the changes before it left it (so a change may refer to a
 * site an earlier one added); every problem is reported at once, located by change and field, and the
 * changed dataset is validated like any dataset. Nothing is applied unless everything is valid.
 */
import { addMonths, inHorizon, monthToIndex } from "../month.js";
import type { Dataset, Supply } from "../model/schema.js";
import { validateDataset } from "../model/validate.js";
import { mapCapacityWindow } from "./capacity-window.js";
import { changeIssue, type ScenarioIssue, type ScenarioResult } from "./issues.js";
import { resolveNode, type ResolvedNode } from "./nodes.js";
import type { Scenario, ScenarioChange } from "./schema.js";

export function applyScenario(dataset: Dataset, scenario: Scenario): ScenarioResult<Dataset> {
  const issues: ScenarioIssue[] = [];
  let d: Dataset = dataset;
  scenario.changes.forEach((change, k) => {
    const r = applyChange(d, change, k);
    if (Array.isArray(r)) issues.push(...r);
    else d = r;
  });
  if (issues.length > 0) return { ok: false, issues };
  const checked = validateDataset(d);
  if (!checked.ok)
    return {
      ok: false,
      issues: checked.issues.map((i) => ({
        field: `${i.entity}${i.id === undefined ? "" : `[${i.id}]`}.${i.field}`,
        value: i.value,
        expected: i.expected,
        message: `the changed dataset is not valid: ${i.message}`,
      })),
    };
  return { ok: true, value: checked.dataset };
}

/** The changed dataset, or the change's problems. */
function applyChange(d: Dataset, c: ScenarioChange, k: number): Dataset | ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const month = (field: string, value: string | undefined): void => {
    if (value !== undefined && !inHorizon(d.horizon, value))
      issues.push(
        changeIssue(
          k,
          field,
          value,
          `a month of the horizon (${d.horizon.start} + ${d.horizon.periods} months)`,
          `${field} ${value} is outside the horizon`,
        ),
      );
  };
  switch (c.kind) {
    case "outage": {
      month("from", c.from);
      const node = resolveNode(d, c.node);
      if (node === undefined)
        issues.push(
          changeIssue(
            k,
            "node",
            c.node,
            "a site id, a company id or a country code of the dataset",
            `no site, company or country "${c.node}"`,
          ),
        );
      if (c.item !== undefined && !d.items.some((i) => i.id === c.item))
        issues.push(changeIssue(k, "item", c.item, "an item id of the dataset", `no item "${c.item}"`));
      if (issues.length > 0 || node === undefined) return issues;
      const until = c.months === undefined ? undefined : addMonths(c.from, c.months);
      const keep = 1 - (c.share ?? 1);
      return mapSupplies(
        d,
        (s) => hit(d, node, s, c.item),
        (s) => mapCapacityWindow(s.capacity, c.from, until, (v) => v * keep),
      );
    }
    case "capacity": {
      month("from", c.from);
      month("to", c.to);
      if (c.to !== undefined && monthToIndex(c.to) < monthToIndex(c.from))
        issues.push(changeIssue(k, "to", c.to, `a month at or after from (${c.from})`, `to ${c.to} is before from ${c.from}`));
      if (!d.supply.some((s) => s.id === c.supply))
        issues.push(changeIssue(k, "supply", c.supply, "a supply option id of the dataset", `no supply option "${c.supply}"`));
      if (issues.length > 0) return issues;
      const until = c.to === undefined ? undefined : addMonths(c.to, 1);
      const f = c.factor !== undefined ? (v: number) => v * c.factor! : () => c.perPeriod!;
      return mapSupplies(
        d,
        (s) => s.id === c.supply,
        (s) => mapCapacityWindow(s.capacity, c.from, until, f),
      );
    }
    case "add-supply": {
      if (d.supply.some((s) => s.id === c.supply.id))
        issues.push(changeIssue(k, "supply.id", c.supply.id, "a new supply option id", `supply option "${c.supply.id}" exists already`));
      if (c.site !== undefined && d.sites.some((s) => s.id === c.site!.id))
        issues.push(
          changeIssue(
            k,
            "site.id",
            c.site.id,
            "a new site id (leave site out to use an existing one)",
            `site "${c.site.id}" exists already`,
          ),
        );
      const sites = c.site === undefined ? d.sites : [...d.sites, c.site];
      if (!sites.some((s) => s.id === c.supply.site))
        issues.push(
          changeIssue(k, "supply.site", c.supply.site, "a site id of the dataset, or the new site's", `no site "${c.supply.site}"`),
        );
      if (!d.items.some((i) => i.id === c.supply.item))
        issues.push(changeIssue(k, "supply.item", c.supply.item, "an item id of the dataset", `no item "${c.supply.item}"`));
      if (issues.length > 0) return issues;
      return { ...d, sites, supply: [...d.supply, c.supply] };
    }
    case "demand": {
      month("demand.due", c.demand.due);
      if (!d.items.some((i) => i.id === c.demand.item))
        issues.push(changeIssue(k, "demand.item", c.demand.item, "an item id of the dataset", `no item "${c.demand.item}"`));
      if (!d.consumers.some((x) => x.id === c.demand.consumer))
        issues.push(
          changeIssue(k, "demand.consumer", c.demand.consumer, "a consumer id of the dataset", `no consumer "${c.demand.consumer}"`),
        );
      if (issues.length > 0) return issues;
      const at = d.demands.findIndex((x) => x.id === c.demand.id);
      const demands = at < 0 ? [...d.demands, c.demand] : d.demands.map((x, j) => (j === at ? c.demand : x));
      return { ...d, demands };
    }
    case "target": {
      month("by", c.by);
      if (!d.targets.some((t) => t.id === c.id))
        issues.push(changeIssue(k, "id", c.id, "a target id of the dataset", `no target "${c.id}"`));
      if (issues.length > 0) return issues;
      const { kind: _kind, id: _id, ...patch } = c;
      return { ...d, targets: d.targets.map((t) => (t.id === c.id ? { ...t, ...patch } : t)) };
    }
    case "priority": {
      if (!d.consumers.some((x) => x.id === c.consumer))
        issues.push(changeIssue(k, "consumer", c.consumer, "a consumer id of the dataset", `no consumer "${c.consumer}"`));
      if (issues.length > 0) return issues;
      return { ...d, consumers: d.consumers.map((x) => (x.id === c.consumer ? { ...x, priority: c.priority } : x)) };
    }
  }
}

function hit(d: Dataset, node: ResolvedNode, s: Supply, item: string | undefined): boolean {
  return (item === undefined || s.item === item) && node.sites.has(s.site);
}

function mapSupplies(d: Dataset, test: (s: Supply) => boolean, capacity: (s: Supply) => Supply["capacity"]): Dataset {
  return { ...d, supply: d.supply.map((s) => (test(s) ? { ...s, capacity: capacity(s) } : s)) };
}

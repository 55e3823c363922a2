/**
 * Tiny planning datasets for hand-checked tests, written with periods as numbers (0 = the first
 * month). Everything else (country, company, sites, item names) is filled in; the result is
 * validated so a test never runs on an invalid dataset.
 */
import { periodMonth } from "../../month.js";
import { DATASET_FORMAT, DATASET_VERSION, POOL, type Dataset } from "../../model/schema.js";
import { validateDataset } from "../../model/validate.js";

export interface TinySpec {
  periods: number;
  start?: string;
  items: string[];
  bom?: [parent: string, child: string, qty: number][];
  supply?: {
    id: string;
    item: string;
    leadTime?: number;
    unitCost?: number;
    capacity: [period: number, perPeriod: number][];
    site?: string;
  }[];
  pool?: Record<string, number>;
  holdings?: { consumer: string; item: string; qty: number }[];
  consumers?: { id: string; priority: number }[];
  demands?: { id: string; item: string; consumer: string; qty: number; due: number; priority?: number }[];
  targets?: { id: string; item: string; consumer: string; level: number; by: number; usage?: number }[];
}

export function tinyDataset(spec: TinySpec): Dataset {
  const horizon = { start: spec.start ?? "2025-01", periods: spec.periods };
  const month = (t: number): string => periodMonth(horizon, t);
  const supply = spec.supply ?? [];
  const siteIds = [...new Set(supply.map((s) => s.site ?? `site-${s.id}`))];
  const raw = {
    format: DATASET_FORMAT,
    version: DATASET_VERSION,
    name: "tiny",
    horizon,
    countries: [{ code: "NL", name: "Netherlands", eu: true, nato: true, concern: false }],
    companies: [{ id: "co", name: "Company", country: "NL", base: [], owners: [], clearance: "granted" }],
    sites: siteIds.map((id) => ({ id, company: "co", country: "NL", name: `Site ${id}` })),
    items: spec.items.map((id) => ({ id, name: id, kind: "component", unit: "pc", unitValue: 1 })),
    bom: (spec.bom ?? []).map(([parent, child, qty]) => ({ parent, child, qty })),
    supply: supply.map((s) => ({
      id: s.id,
      item: s.item,
      site: s.site ?? `site-${s.id}`,
      leadTime: s.leadTime ?? 0,
      unitCost: s.unitCost ?? 1,
      capacity: s.capacity.map(([t, perPeriod]) => ({ from: month(t), perPeriod })),
    })),
    stocks: [
      ...Object.entries(spec.pool ?? {}).map(([item, qty]) => ({ item, holder: POOL, qty })),
      ...(spec.holdings ?? []).map((h) => ({ item: h.item, holder: h.consumer, qty: h.qty })),
    ],
    consumers: (spec.consumers ?? [{ id: "nl", priority: 1 }]).map((c) => ({
      id: c.id,
      name: `Consumer ${c.id}`,
      country: "NL",
      priority: c.priority,
    })),
    demands: (spec.demands ?? []).map((d) => ({
      id: d.id,
      item: d.item,
      consumer: d.consumer,
      qty: d.qty,
      due: month(d.due),
      ...(d.priority === undefined ? {} : { priority: d.priority }),
    })),
    targets: (spec.targets ?? []).map((g) => ({
      id: g.id,
      item: g.item,
      consumer: g.consumer,
      level: g.level,
      by: month(g.by),
      ...(g.usage === undefined ? {} : { usagePerPeriod: g.usage }),
    })),
  };
  const result = validateDataset(raw);
  if (!result.ok) throw new Error(`tiny dataset is invalid: ${JSON.stringify(result.issues, null, 2)}`);
  return result.dataset;
}

/**
 * Validation of a whole dataset: structure (zod) row by row, then the rules across rows
 * (references, duplicates, BOM cycles, share sums, months within the horizon). Every issue
 * is collected; nothing stops at the first one.
 */
import { z } from "zod";
import { inHorizon, monthToIndex, isMonth } from "../month.js";
import type { ValidationIssue } from "./issue.js";
import {
  DATASET_FORMAT,
  DATASET_VERSION,
  POOL,
  entityKeys,
  entityNames,
  entitySchemas,
  horizonSchema,
  type Dataset,
  type EntityName,
} from "./schema.js";
import { expectedOf, pathToField } from "./zod-issues.js";

export const SHARE_TOLERANCE = 0.01;

const collectionSchemas = Object.fromEntries(entityNames.map((n) => [n, z.array(entitySchemas[n] as z.ZodType)])) as Record<
  EntityName,
  z.ZodArray<z.ZodType>
>;

export type ValidationResult = { ok: true; dataset: Dataset } | { ok: false; issues: ValidationIssue[] };

type Row = Record<string, unknown>;

function rowKey(name: EntityName, row: unknown): string | undefined {
  if (typeof row !== "object" || row === null) return undefined;
  const parts = entityKeys[name].map((k) => (row as Row)[k]);
  return parts.every((p) => typeof p === "string" && p !== "") ? parts.join("/") : undefined;
}

function zodIssues(
  entity: EntityName | "dataset",
  index: number | undefined,
  id: string | undefined,
  error: z.ZodError,
): ValidationIssue[] {
  return error.issues.map((zi) => {
    const keys = zi.code === "unrecognized_keys" ? zi.keys : [];
    const field = pathToField(keys.length === 1 ? [...zi.path, keys[0] as string] : zi.path) || keys.join(", ") || "(row)";
    const issue: ValidationIssue = {
      entity,
      field,
      value: zi.input,
      expected: expectedOf(zi),
      message: zi.code === "unrecognized_keys" ? `unknown field${keys.length > 1 ? "s" : ""} ${keys.join(", ")}` : zi.message,
    };
    if (index !== undefined) issue.index = index;
    if (id !== undefined) issue.id = id;
    return issue;
  });
}

/** Parses and validates anything that claims to be a dataset. */
export function validateDataset(input: unknown): ValidationResult {
  const issues: ValidationIssue[] = [];
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return {
      ok: false,
      issues: [{ entity: "dataset", field: "(root)", value: input, expected: "an object", message: "a dataset is a JSON object" }],
    };
  }
  const raw = input as Row;

  // Header fields, checked on their own so row errors are still reported when the header is wrong.
  const header = z
    .strictObject({
      format: z.literal(DATASET_FORMAT),
      version: z.literal(DATASET_VERSION),
      name: z.string().min(1).max(200),
      description: z.string().optional(),
      horizon: horizonSchema,
    })
    .catchall(z.unknown());
  const headerResult = header.safeParse(raw, { reportInput: true });
  if (!headerResult.success) issues.push(...zodIssues("dataset", undefined, undefined, headerResult.error));
  const known = new Set<string>(["format", "version", "name", "description", "horizon", ...entityNames]);
  for (const k of Object.keys(raw)) {
    if (!known.has(k))
      issues.push({
        entity: "dataset",
        field: k,
        value: undefined,
        expected: "only the fields of the data model",
        message: `unknown field ${k}`,
      });
  }

  // Rows, one at a time; collect keys of every row that has one, valid or not, so a broken
  // row does not also cause "unknown reference" errors in the rows that point at it.
  const rawKeys = new Map<EntityName, Set<string>>();
  const parsed: Partial<Record<EntityName, Row[]>> = {};
  for (const name of entityNames) {
    const keys = new Set<string>();
    rawKeys.set(name, keys);
    const list = raw[name];
    const good: Row[] = [];
    parsed[name] = good;
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      issues.push({ entity: "dataset", field: name, value: list, expected: "a list", message: `${name} must be a list` });
      continue;
    }
    const rowKeys = list.map((row: unknown) => rowKey(name, row));
    for (const key of rowKeys) if (key !== undefined) keys.add(key);
    // One parse per collection (zod compiles it once); issues carry the row index first in their path.
    const r = collectionSchemas[name].safeParse(list, { reportInput: true });
    if (r.success) {
      for (const row of r.data as Row[]) good.push(row);
      continue;
    }
    const byRow = new Map<number, z.core.$ZodIssue[]>();
    for (const zi of r.error.issues) {
      const index = zi.path[0];
      if (typeof index !== "number") continue;
      byRow.set(index, [...(byRow.get(index) ?? []), { ...zi, path: zi.path.slice(1) }]);
    }
    for (const [index, rowIssues] of [...byRow.entries()].sort((a, b) => a[0] - b[0]))
      issues.push(...zodIssues(name, index, rowKeys[index], new z.ZodError(rowIssues)));
  }

  const horizon = headerResult.success ? headerResult.data.horizon : undefined;
  issues.push(...crossRowIssues(raw, rawKeys, horizon));

  if (issues.length > 0 || !headerResult.success) return { ok: false, issues };
  // Every row parsed on its own already; assemble rather than parse the whole again (halves the cost).
  const { format, version, name, description, horizon: h } = headerResult.data;
  const dataset = { format, version, name, ...(description === undefined ? {} : { description }), horizon: h } as Dataset;
  for (const entity of entityNames) (dataset as Record<string, unknown>)[entity] = parsed[entity] ?? [];
  return { ok: true, dataset };
}

/** Rules that span rows. Runs on the raw rows, tolerating rows that failed their own checks. */
function crossRowIssues(
  raw: Row,
  keys: Map<EntityName, Set<string>>,
  horizon: { start: string; periods: number } | undefined,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const rows = (name: EntityName): [Row, number][] => {
    const list = raw[name];
    if (!Array.isArray(list)) return [];
    return list.flatMap((r: unknown, i): [Row, number][] => (typeof r === "object" && r !== null ? [[r as Row, i]] : []));
  };
  const has = (name: EntityName, key: unknown): boolean => typeof key === "string" && (keys.get(name)?.has(key) ?? false);
  const add = (entity: EntityName, index: number, row: Row, field: string, value: unknown, expected: string, message: string): void => {
    const issue: ValidationIssue = { entity, index, field, value, expected, message };
    const id = rowKey(entity, row);
    if (id !== undefined) issue.id = id;
    issues.push(issue);
  };
  const ref = (entity: EntityName, index: number, row: Row, field: string, target: EntityName, what: string): void => {
    const value = row[field];
    if (typeof value === "string" && !has(target, value))
      add(
        entity,
        index,
        row,
        field,
        value,
        `the ${entityKeys[target].join("/")} of one of the ${target}`,
        `unknown ${what} ${JSON.stringify(value)}`,
      );
  };

  // Duplicate keys.
  for (const name of entityNames) {
    const seen = new Map<string, number>();
    for (const [row, index] of rows(name)) {
      const key = rowKey(name, row);
      if (key === undefined) continue;
      const first = seen.get(key);
      if (first !== undefined)
        add(name, index, row, entityKeys[name].join("/"), key, "a key used only once", `duplicate of row #${first + 1}`);
      else seen.set(key, index);
    }
  }

  for (const [row, i] of rows("companies")) {
    ref("companies", i, row, "country", "countries", "country");
    const owners = Array.isArray(row.owners) ? (row.owners as unknown[]) : [];
    let sum = 0;
    owners.forEach((o, j) => {
      if (typeof o !== "object" || o === null) return;
      const { owner, share } = o as Row;
      if (typeof share === "number") sum += share;
      if (typeof owner === "string" && !has("companies", owner) && !has("countries", owner))
        add("companies", i, row, `owners[${j}].owner`, owner, "a company id or a country code", `unknown owner ${JSON.stringify(owner)}`);
      if (owner === row.id)
        add("companies", i, row, `owners[${j}].owner`, owner, "another company or a state", "a company cannot own itself directly");
    });
    if (sum > 1 + SHARE_TOLERANCE)
      add("companies", i, row, "owners", Number(sum.toFixed(6)), "shares that add up to at most 1", "owners' shares add up to more than 1");
  }
  for (const [row, i] of rows("sites")) {
    ref("sites", i, row, "company", "companies", "company");
    ref("sites", i, row, "country", "countries", "country");
  }
  for (const [row, i] of rows("bom")) {
    ref("bom", i, row, "parent", "items", "item");
    ref("bom", i, row, "child", "items", "item");
    if (typeof row.parent === "string" && row.parent === row.child)
      add("bom", i, row, "child", row.child, "an item other than the parent", "an item cannot contain itself");
  }
  issues.push(...bomCycleIssues(rows("bom")));
  for (const [row, i] of rows("supply")) {
    ref("supply", i, row, "item", "items", "item");
    ref("supply", i, row, "site", "sites", "site");
    const steps = Array.isArray(row.capacity) ? (row.capacity as unknown[]) : [];
    let prev: number | undefined;
    steps.forEach((s, j) => {
      const from = typeof s === "object" && s !== null ? (s as Row).from : undefined;
      if (typeof from !== "string" || !isMonth(from)) return;
      const idx = monthToIndex(from);
      if (prev !== undefined && idx <= prev)
        add(
          "supply",
          i,
          row,
          `capacity[${j}].from`,
          from,
          "months in increasing order",
          "capacity steps must be in increasing month order",
        );
      prev = idx;
    });
  }
  for (const [row, i] of rows("stocks")) {
    ref("stocks", i, row, "item", "items", "item");
    if (typeof row.holder === "string" && row.holder !== POOL && !has("consumers", row.holder))
      add("stocks", i, row, "holder", row.holder, `"${POOL}" or a consumer id`, `unknown holder ${JSON.stringify(row.holder)}`);
  }
  for (const [row, i] of rows("consumers")) ref("consumers", i, row, "country", "countries", "country");
  const inHorizonCheck = (entity: EntityName, i: number, row: Row, field: string): void => {
    const m = row[field];
    if (horizon && typeof m === "string" && isMonth(m) && !inHorizon(horizon, m))
      add(
        entity,
        i,
        row,
        field,
        m,
        `a month from ${horizon.start} within ${horizon.periods} periods`,
        "month outside the planning horizon",
      );
  };
  for (const [row, i] of rows("demands")) {
    ref("demands", i, row, "item", "items", "item");
    ref("demands", i, row, "consumer", "consumers", "consumer");
    inHorizonCheck("demands", i, row, "due");
  }
  for (const [row, i] of rows("targets")) {
    ref("targets", i, row, "item", "items", "item");
    ref("targets", i, row, "consumer", "consumers", "consumer");
    inHorizonCheck("targets", i, row, "by");
  }
  for (const [row, i] of rows("contracts")) {
    ref("contracts", i, row, "supplier", "companies", "company");
    for (const [field, target, what] of [
      ["items", "items", "item"],
      ["buyers", "consumers", "consumer"],
    ] as const) {
      const list = Array.isArray(row[field]) ? (row[field] as unknown[]) : [];
      list.forEach((v, j) => {
        if (typeof v === "string" && !has(target, v))
          add("contracts", i, row, `${field}[${j}]`, v, `the id of one of the ${target}`, `unknown ${what} ${JSON.stringify(v)}`);
      });
    }
    if (
      typeof row.start === "string" &&
      typeof row.end === "string" &&
      isMonth(row.start) &&
      isMonth(row.end) &&
      monthToIndex(row.end) < monthToIndex(row.start)
    )
      add("contracts", i, row, "end", row.end, `a month not before start ${row.start}`, "the contract ends before it starts");
  }
  for (const [row, i] of rows("materials")) {
    ref("materials", i, row, "item", "items", "item");
    const stages = Array.isArray(row.stages) ? (row.stages as unknown[]) : [];
    const seenStages = new Set<unknown>();
    stages.forEach((s, j) => {
      if (typeof s !== "object" || s === null) return;
      const st = s as Row;
      if (seenStages.has(st.stage)) add("materials", i, row, `stages[${j}].stage`, st.stage, "each stage once", "stage listed twice");
      seenStages.add(st.stage);
      for (const field of ["globalSupply", "euSourcing"] as const) {
        const shares = st[field];
        if (typeof shares !== "object" || shares === null) continue;
        let sum = 0;
        for (const [code, share] of Object.entries(shares as Row)) {
          if (typeof share === "number") sum += share;
          if (!has("countries", code))
            add(
              "materials",
              i,
              row,
              `stages[${j}].${field}.${code}`,
              code,
              "a country code listed in countries",
              `unknown country ${JSON.stringify(code)}`,
            );
        }
        if (Math.abs(sum - 1) > SHARE_TOLERANCE)
          add(
            "materials",
            i,
            row,
            `stages[${j}].${field}`,
            Number(sum.toFixed(6)),
            `shares summing to 1 (±${SHARE_TOLERANCE})`,
            "shares do not sum to 1",
          );
      }
    });
    const ta = row.tradeAdjustment;
    if (typeof ta === "object" && ta !== null)
      for (const code of Object.keys(ta))
        if (!has("countries", code))
          add(
            "materials",
            i,
            row,
            `tradeAdjustment.${code}`,
            code,
            "a country code listed in countries",
            `unknown country ${JSON.stringify(code)}`,
          );
  }
  return issues;
}

/** Finds each cycle in the BOM once and reports it on the line that closes it. */
function bomCycleIssues(lines: [Row, number][]): ValidationIssue[] {
  const children = new Map<string, { child: string; index: number; row: Row }[]>();
  for (const [row, index] of lines) {
    if (typeof row.parent !== "string" || typeof row.child !== "string" || row.parent === row.child) continue;
    const list = children.get(row.parent) ?? [];
    list.push({ child: row.child, index, row });
    children.set(row.parent, list);
  }
  const issues: ValidationIssue[] = [];
  const state = new Map<string, 1 | 2>(); // 1 = on the current path, 2 = done
  const path: string[] = [];
  // Iterative DFS so a deep BOM cannot overflow the stack.
  for (const root of children.keys()) {
    if (state.has(root)) continue;
    const stack: { node: string; next: number }[] = [{ node: root, next: 0 }];
    state.set(root, 1);
    path.push(root);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const edges = children.get(top.node) ?? [];
      if (top.next < edges.length) {
        const edge = edges[top.next++]!;
        const s = state.get(edge.child);
        if (s === 1) {
          const cycle = [...path.slice(path.indexOf(edge.child)), edge.child];
          issues.push({
            entity: "bom",
            index: edge.index,
            id: `${top.node}/${edge.child}`,
            field: "child",
            value: edge.child,
            expected: "a bill of materials without cycles",
            message: `cycle in the bill of materials: ${cycle.join(" → ")}`,
          });
        } else if (s === undefined) {
          state.set(edge.child, 1);
          path.push(edge.child);
          stack.push({ node: edge.child, next: 0 });
        }
      } else {
        state.set(top.node, 2);
        path.pop();
        stack.pop();
      }
    }
  }
  return issues;
}

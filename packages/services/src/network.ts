/**
 * An item's chain for the Network page: core's itemChain (core/risk/chain.ts) of the dataset as it
 * is now with its risk analysis, cached per item and depth.
 */
import { z } from "zod";
import { MAX_CHAIN_DEPTH, ParaatError, itemChain, type ItemChain } from "@paraat/core";
import type { Actor } from "./actor.js";
import { parseInput } from "./input-issues.js";
import { requirePermission } from "./permissions.js";
import type { RiskService } from "./risk.js";
import type { Snapshots } from "./snapshots.js";

export const networkQuerySchema = z.strictObject({
  /** BOM levels below the item (default all, at most 50). */
  depth: z.coerce.number().int().min(0).max(MAX_CHAIN_DEPTH).optional(),
});

export class NetworkService {
  constructor(
    private readonly snapshots: Snapshots,
    private readonly risk: RiskService,
  ) {}

  async chain(actor: Actor, name: string, item: string, query: { depth?: unknown } = {}): Promise<ItemChain> {
    requirePermission(actor, "dataset:read");
    const q = parseInput(networkQuerySchema, query, "query");
    const depth = q.depth ?? MAX_CHAIN_DEPTH;
    // The risk figures are part of what the chain shows; reading the chain needs only dataset:read.
    const risk = await this.risk.analysis(name);
    const { value } = await this.snapshots.derive(name, "network", `${item}\u0000${depth}`, (s) => {
      if (!s.dataset.items.some((i) => i.id === item))
        throw new ParaatError("NOT_FOUND", `no item "${item}" in dataset ${name}`, { details: { dataset: name, item } });
      return itemChain(s.dataset, risk, item, depth);
    });
    return value;
  }
}

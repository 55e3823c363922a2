/** The words of the tie rule: rules and the keys of the stated orders (docs/planning.md, "Ties"). */
/** How deliveries are shared among demands of one item and priority (docs/planning.md, "Ties"). */
export const tieRules = ["due-date", "pro-rata"] as const;
export type TieRule = (typeof tieRules)[number];
/** Orders of supply options of equal cost: lower supply risk (EU, NATO, partner, other, concern), shorter lead time, id. */
export const supplyTieKeys = ["bloc", "lead-time", "id"] as const;
export type SupplyTieKey = (typeof supplyTieKeys)[number];
/** Orders of targets of one item and priority: earlier `by` month, higher level, id. */
export const targetTieKeys = ["by", "level", "id"] as const;
export type TargetTieKey = (typeof targetTieKeys)[number];

export interface TieOrder {
  supplies: SupplyTieKey[];
  targets: TargetTieKey[];
}

export const defaultTieOrder: Readonly<TieOrder> = Object.freeze({
  supplies: ["bloc", "lead-time", "id"] as SupplyTieKey[],
  targets: ["by", "id"] as TargetTieKey[],
});

/** The fixed vocabularies of the data model, without zod: the web app imports these (through @paraat/core/shared). */

export const industrialBases = ["NLDTIB", "EDTIB"] as const;

export const clearances = ["granted", "pending", "refused", "none"] as const;

export const itemKinds = ["end-item", "component", "material", "raw-material"] as const;

export const contractKinds = ["framework", "joint-order", "single"] as const;

export const materialStages = ["extraction", "processing"] as const;

/** The entity collections of a dataset, in canonical order (the order of export). */
export const entityNames = [
  "sources",
  "countries",
  "companies",
  "sites",
  "items",
  "bom",
  "supply",
  "stocks",
  "consumers",
  "demands",
  "targets",
  "contracts",
  "materials",
] as const;

/** The holder of pool stock, available to production and deliveries. */
export const POOL = "pool";

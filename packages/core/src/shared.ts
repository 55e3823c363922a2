/**
 * `@paraat/core/shared`: the part of core the web app runs in the browser — months, the data
 * model's vocabularies, the BOM closure. Nothing here imports zod, node modules or the engines,
 * so the first bundle stays small; the web app imports these instead of keeping copies.
 */
export * from "./month.js";
export * from "./model/vocabulary.js";
export { bomClosure } from "./model/bom-closure.js";

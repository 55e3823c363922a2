export * from "./schema.js";
export * from "./issue.js";
export * from "./validate.js";
export { pathToField } from "./zod-issues.js";
export * from "./summary.js";
export { bomClosure } from "./bom-closure.js";

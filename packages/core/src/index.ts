export * from "./errors.js";
export * from "./month.js";
export * from "./model/index.js";

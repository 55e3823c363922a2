export * from "./errors.js";
export * from "./month.js";
export * from "./model/index.js";
export * from "./generate/index.js";
export * from "./network/index.js";
export * from "./risk/index.js";
export * from "./lp/index.js";
export * from "./plan/index.js";

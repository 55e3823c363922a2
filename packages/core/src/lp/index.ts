export * from "./solver.js";
export * from "./model.js";
export * from "./write.js";

export * from "./types.js";
export * from "./capacity.js";
export * from "./network.js";
export * from "./bom.js";
export * from "./removal.js";

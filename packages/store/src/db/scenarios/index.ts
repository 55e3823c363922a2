export { Scenarios } from "./scenarios.js";
export type { ScenarioRecord } from "./types.js";

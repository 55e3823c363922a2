export * from "./store.js";
export { openStore, type OpenStoreOptions } from "./db/open-store.js";
export { chooseLocation, parseLocation, redactUrl, DEFAULT_SQLITE_PATH, type StoreLocation } from "./db/location.js";
export * from "./db/accounts/index.js";
export { type Scenarios, type ScenarioRecord } from "./db/scenarios/index.js";
export * from "./db/audit/index.js";

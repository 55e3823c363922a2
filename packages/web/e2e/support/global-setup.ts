/** Builds the web app once before the end-to-end tests, so they always test the current code (skip with PARAAT_E2E_NO_BUILD=1). */
import { resolve } from "node:path";
import { build } from "vite";
import { webDist } from "./server.js";

export default async function setup(): Promise<void> {
  if (process.env.PARAAT_E2E_NO_BUILD === "1") return;
  const root = resolve(webDist, "..");
  await build({ root, configFile: resolve(root, "vite.config.ts"), logLevel: "warn" });
}

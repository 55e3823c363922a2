/**
 * End-to-end tests: Chromium (playwright-core) against the real server with the built web app.
 * Run: npx vitest run --config packages/web/vitest.e2e.config.ts
 */
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: import.meta.dirname,
  resolve: { conditions: ["paraat-source"] },
  ssr: { resolve: { conditions: ["paraat-source"] } },
  test: {
    include: ["e2e/**/*.e2e.ts"],
    globalSetup: ["e2e/support/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // One browser and one server at a time: the machine has two cores.
    fileParallelism: false,
    maxWorkers: 1,
  },
});

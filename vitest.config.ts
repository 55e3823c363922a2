import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["paraat-source"] },
  ssr: { resolve: { conditions: ["paraat-source"] } },
  test: {
    include: ["packages/*/src/**/*.test.ts", "bench/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: run files in parallel but not more workers than cores.
    maxWorkers: 2,
  },
});

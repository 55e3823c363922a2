/** Vite: builds the web app into dist/; the dev server proxies /api to the Paraat server. */
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The dev server forwards API calls to a running `paraat serve` (override with PARAAT_API).
const api = process.env.PARAAT_API ?? "http://127.0.0.1:4000";

export default defineConfig({
  root: import.meta.dirname,
  base: "/",
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // The initial bundle is measured by bench/suites/web.ts; the manifest tells it which files load first.
    manifest: true,
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        // ECharts (and its renderer zrender) in one chunk of its own, loaded with the first chart.
        codeSplitting: { groups: [{ name: "echarts", test: /node_modules[\\/](echarts|zrender)[\\/]/ }] },
      },
    },
  },
  server: {
    proxy: { "/api": { target: api, changeOrigin: false } },
  },
  preview: {
    proxy: { "/api": { target: api, changeOrigin: false } },
  },
});

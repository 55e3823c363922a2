/**
 * Web app benchmark: the JavaScript the browser loads before the first page (gzipped), from the
 * Vite manifest of a fresh build; and the time to first render of the overview in Chromium, from
 * navigation start to the first target row being in the page, median of several runs, with the
 * server's plan already computed (as on a running server). The browser case runs in a child
 * process (with the server in it), so its peak memory is its own.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { chromium, type Page } from "playwright-core";
import { build } from "vite";
import { CHROMIUM, chromiumArgs } from "../../packages/web/e2e/support/browser.js";
import { startServer, webDist } from "../../packages/web/e2e/support/server.js";
import { reportCase, runCase } from "../lib/child.js";
import type { BenchSuite, BenchTable } from "../lib/suite.js";

const RUNS = 7;
const BUDGET_KB = 300;

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** The entry chunk and every chunk it imports statically: what loads before anything is shown. */
export function initialFiles(manifest: Manifest): { js: string[]; css: string[] } {
  const js = new Set<string>();
  const css = new Set<string>();
  const visit = (key: string): void => {
    const chunk = manifest[key];
    if (!chunk || js.has(chunk.file)) return;
    js.add(chunk.file);
    for (const c of chunk.css ?? []) css.add(c);
    for (const i of chunk.imports ?? []) visit(i);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  return { js: [...js], css: [...css] };
}

const kb = (bytes: number): number => bytes / 1024;
const gz = (file: string): number => gzipSync(readFileSync(join(webDist, file)), { level: 9 }).length;
const raw = (file: string): number => readFileSync(join(webDist, file)).length;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

async function sizes(): Promise<BenchTable> {
  const root = resolve(webDist, "..");
  await build({ root, configFile: join(root, "vite.config.ts"), logLevel: "warn" });
  const manifest = JSON.parse(readFileSync(join(webDist, ".vite", "manifest.json"), "utf8")) as Manifest;
  const initial = initialFiles(manifest);
  const allJs = [...new Set(Object.values(manifest).map((c) => c.file))].filter((f) => f.endsWith(".js"));
  const lazy = allJs.filter((f) => !initial.js.includes(f));
  const largestLazy = lazy.map((f) => ({ f, size: gz(f) })).sort((a, b) => b.size - a.size)[0];
  const sum = (files: string[], size: (f: string) => number): number => files.reduce((a, f) => a + size(f), 0);
  const initialGz = kb(sum(initial.js, gz));
  return {
    title: "Web app bundle (vite build, gzip level 9)",
    columns: ["what", "files", "raw kB", "gzip kB"],
    rows: [
      ["initial JavaScript", initial.js.length, kb(sum(initial.js, raw)), initialGz],
      ["initial CSS", initial.css.length, kb(sum(initial.css, raw)), kb(sum(initial.css, gz))],
      ["lazy JavaScript (pages, charts)", lazy.length, kb(sum(lazy, raw)), kb(sum(lazy, gz))],
      [
        `largest lazy chunk (${largestLazy?.f.replace(/^assets\//, "") ?? "—"})`,
        1,
        largestLazy ? kb(raw(largestLazy.f)) : 0,
        largestLazy ? kb(largestLazy.size) : 0,
      ],
    ],
    notes: [
      `Budget for the initial JavaScript: ${BUDGET_KB} kB gzipped; measured ${initialGz.toFixed(1)} kB (${initialGz <= BUDGET_KB ? "within" : "OVER"} budget).`,
    ],
  };
}

// --- child: the server and the browser ---

async function firstRender(): Promise<void> {
  const server = await startServer({ warmPlan: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: chromiumArgs });
  try {
    // Sign in once; each run then opens the overview in a fresh context (empty HTTP cache) with that session.
    const login = await browser.newContext();
    const signIn = await login.request.post(`${server.url}/api/auth/login`, {
      data: { username: server.username, password: server.password },
    });
    if (!signIn.ok()) throw new Error(`sign-in failed: ${signIn.status()}`);
    const storageState = await login.storageState();
    await login.close();
    const measure = async (page: Page, reload: boolean): Promise<number> => {
      if (reload) await page.reload({ waitUntil: "commit" });
      else await page.goto(`${server.url}/#/overview`, { waitUntil: "commit" });
      // performance.now() counts from navigation start; polled every animation frame.
      // A string: the bench is type-checked without the DOM library.
      const handle = await page.waitForFunction(
        `document.querySelector('[data-testid="target-row"]') ? performance.now() : false`,
        undefined,
        {
          polling: "raf",
          timeout: 60_000,
        },
      );
      return Number(await handle.jsonValue());
    };
    const cold: number[] = [];
    const warm: number[] = [];
    // One run to warm the server's own caches (risk, dataset JSON) that the overview also reads.
    for (let i = 0; i < RUNS + 1; i++) {
      // bypassCSP: the server's policy forbids eval, which waitForFunction's string predicate needs.
      const context = await browser.newContext({ storageState, viewport: { width: 1280, height: 900 }, bypassCSP: true });
      const page = await context.newPage();
      const c = await measure(page, false);
      const w = await measure(page, true);
      await context.close();
      if (i === 0) continue;
      cold.push(c);
      warm.push(w);
    }
    reportCase({ cold, warm });
  } finally {
    await browser.close();
    await server.close();
  }
}

async function run(): Promise<BenchTable[]> {
  const size = await sizes();
  const r = await runCase(fileURLToPath(import.meta.url), ["--first-render"], { timeoutMs: 10 * 60_000 });
  const row = (label: string, xs: number[]): (string | number)[] => [label, xs.length, median(xs), Math.min(...xs), Math.max(...xs)];
  const cold = r.data.cold as number[];
  const warm = r.data.warm as number[];
  return [
    size,
    {
      title: "Time to first render of the overview in Chromium (navigation start → first target row), nl-2024, plan cached on the server",
      columns: ["case", "runs", "median ms", "min ms", "max ms"],
      rows: [row("empty browser cache", cold), row("reload (assets cached)", warm)],
      notes: [
        `Headless Chromium (${CHROMIUM}), 1280×900, loopback; server and browser in one child process, peak RSS ${r.peakRssMb.toFixed(0)} MB.`,
      ],
    },
  ];
}

export const suite: BenchSuite = {
  name: "web",
  description: "the web app's initial JavaScript (gzipped) and the time to first render of the overview in Chromium",
  run,
};

if (process.argv[1] !== undefined && pathToFileURL(process.argv[1]).href === import.meta.url) {
  if (process.argv[2] !== "--first-render") throw new Error("usage: web.ts --first-render");
  await firstRender();
}

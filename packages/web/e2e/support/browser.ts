/** Debian's Chromium driven by playwright-core, with a fresh profile per run, and screenshots kept as artefacts. */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { repoRoot } from "./server.js";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
export const artifactsDir = join(repoRoot, "artifacts", "e2e");

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Errors the page threw or logged; a test fails when there are any it did not expect. */
  errors: string[];
  close(): Promise<void>;
}

export async function openBrowser(options: { width?: number; height?: number; locale?: string } = {}): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), "paraat-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: chromiumArgs,
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    locale: options.locale ?? "en-GB",
    timezoneId: "Europe/Amsterdam",
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    // Failed requests the app expects (401 before sign-in, 422 of a broken import) are logged by Chromium as errors; they are checked by the tests themselves.
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) errors.push(`console: ${m.text()}`);
  });
  return {
    context,
    page,
    errors,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true });
  const path = join(artifactsDir, `${name}.png`);
  // In a full-page picture a sticky header would be drawn over the middle of the page.
  const unstick = fullPage ? await page.addStyleTag({ content: ".topbar { position: static !important; }" }) : null;
  await page.screenshot({ path, fullPage });
  await unstick?.evaluate((el) => (el as unknown as { remove(): void }).remove());
  return path;
}

/** How far the page is wider than the window (0: no horizontal scroll). Written as a string: this file is also type-checked without the DOM library (bench). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return Number(await page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth"));
}

/**
 * The web app as its users meet it: sign in, read the overview, open why a target is late, import
 * a broken workbook and read its errors by sheet, row and column, switch to Dutch. Screenshots of
 * each step are kept in artifacts/e2e/.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { horizontalOverflow, openBrowser, screenshot, type Browser } from "./support/browser.js";
import { startServer, type E2eServer } from "./support/server.js";
import { corruptWorkbook } from "./support/workbook.js";

let server: E2eServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await openBrowser();
});

// A failed step leaves a screenshot of what the browser showed.
afterEach(async ({ task }) => {
  if (task.result?.state === "fail" && browser)
    await screenshot(browser.page, `failed-${task.name.replace(/[^a-z0-9]+/gi, "-").slice(0, 60)}`);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the web app", () => {
  it("shows the login page first and refuses a wrong password", async () => {
    const { page } = browser;
    await page.goto(`${server.url}/`);
    await page.getByLabel("Username").fill(server.username);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("Username or password is wrong");
    await screenshot(page, "01-login-refused");
  });

  it("signs in and shows the overview: targets against their date, demands, bottlenecks and risks", async () => {
    const { page } = browser;
    await page.getByLabel("Password").fill(server.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    // The plan is a job on a fresh server: the progress bar shows until it is done.
    await page.getByTestId("target-row").first().waitFor({ timeout: 90_000 });
    await expect.poll(() => page.locator("h1").textContent()).toBe("Overview");
    const rows = page.getByTestId("target-row");
    expect(await rows.count()).toBe(2);
    // nl-2024: the 155 mm NATO-norm target is late (in red, with its months), the 5.56 mm one is met.
    const late = rows.filter({ hasText: "nl-155-nato-norm" });
    expect(await late.getAttribute("class")).toContain("row-late");
    expect(await late.textContent()).toMatch(/\d+ months? late/);
    expect(await rows.filter({ hasText: "nl-5.56-nato-norm" }).textContent()).toContain("met on time");
    expect(await page.getByRole("heading", { name: "Top bottlenecks" }).isVisible()).toBe(true);
    expect(await page.locator("#risks li").count()).toBeGreaterThan(0);
    // The role is shown next to the user's name.
    expect(await page.locator(".role").textContent()).toBe("Administrator");
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, "02-overview");
  });

  it("opens a late target's explanation in one click: chart, causes with months, production", async () => {
    const { page } = browser;
    await page.getByTestId("target-row").filter({ hasText: "nl-155-nato-norm" }).getByRole("link", { name: "Why?" }).click();
    await page.getByRole("heading", { name: "Explanation" }).waitFor();
    expect(page.url()).toContain("#/plan/target/nl-155-nato-norm");
    expect(await page.locator("#subject .badge").textContent()).toMatch(/\d+ months? late/);
    expect(await page.locator("canvas").count()).toBeGreaterThan(0);
    const causes = page.locator("ol.causes > li");
    expect(await causes.count()).toBeGreaterThan(0);
    expect(await page.locator(".cause .month-range").count()).toBeGreaterThan(0);
    expect(await page.locator("#production table tbody tr").count()).toBeGreaterThan(0);
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, "03-late-target-explanation");
  });

  it("states the tie rule the plan was made with, and recomputes it pro rata", async () => {
    const { page } = browser;
    const stated = page.locator("#plan-ties-stated");
    await stated.waitFor();
    expect(await stated.textContent()).toContain("earlier due month first");
    await page.locator("#plan-ties").selectOption("pro-rata");
    await page.getByRole("button", { name: "Recompute plan" }).click();
    await page.waitForFunction(
      () => document.querySelector("#plan-ties-stated")?.textContent?.includes("pro rata to quantity") ?? false,
      undefined,
      {
        timeout: 60_000,
      },
    );
    expect(await page.locator("#plan-ties").inputValue()).toBe("pro-rata");
  });

  it("imports a broken workbook and lists every error by sheet, row and column", async () => {
    const { page } = browser;
    const exported = await page.request.get(`${server.url}/api/datasets/nl-2024/export?format=xlsx`);
    expect(exported.status()).toBe(200);
    const { bytes, cells } = await corruptWorkbook(await exported.body(), [
      { sheet: "supply", field: "leadTime", row: 4, value: "two" },
      { sheet: "items", field: "kind", row: 3, value: "powder" },
      { sheet: "demands", field: "due", row: 2, value: "2025-13" },
    ]);
    await page.goto(`${server.url}/#/data/import`);
    await page.getByLabel("File").setInputFiles({ name: "nl-2024-broken.xlsx", mimeType: "application/octet-stream", buffer: bytes });
    await page.getByLabel("Dataset name").fill("nl-2024-broken");
    await page.getByRole("button", { name: "Import", exact: true }).click();
    const errors = page.getByTestId("import-errors");
    await errors.waitFor();
    expect(await errors.textContent()).toContain("Nothing was imported");
    const rows = errors.locator("tbody tr");
    expect(await rows.count()).toBeGreaterThanOrEqual(cells.length);
    for (const c of cells) {
      // Sheet, row and column in their own cells, as the user reads them.
      const hit = rows.filter({ has: page.locator("td:nth-child(1)", { hasText: new RegExp(`^${c.sheet}$`) }) }).filter({
        has: page.locator("td:nth-child(2)", { hasText: new RegExp(`^${c.row}$`) }),
      });
      expect(await hit.count(), `${c.sheet} row ${c.row}`).toBe(1);
      expect(await hit.locator("td:nth-child(3)").textContent()).toContain(c.column);
    }
    // Nothing was written: the dataset list still holds nl-2024 only.
    const list = (await (await page.request.get(`${server.url}/api/datasets`)).json()) as { name: string }[];
    expect(list.map((d) => d.name)).toEqual(["nl-2024"]);
    await screenshot(page, "04-import-errors");
  });

  it("switches to Dutch: navigation, statuses and numbers in the Dutch locale", async () => {
    const { page } = browser;
    await page.goto(`${server.url}/#/overview`);
    await page.getByRole("button", { name: "NL", exact: true }).click();
    await expect.poll(() => page.locator("h1").textContent()).toBe("Overzicht");
    expect(await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Risicoregister" }).isVisible()).toBe(true);
    const late = page.getByTestId("target-row").filter({ hasText: "nl-155-nato-norm" });
    expect(await late.textContent()).toMatch(/\d+ maanden? te laat/);
    // 70,000 in Dutch is 70.000.
    expect(await late.textContent()).toContain("70.000");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("nl");
    await screenshot(page, "05-overview-dutch");
    // The choice is remembered.
    await page.reload();
    await expect.poll(() => page.locator("h1").textContent()).toBe("Overzicht");
    await page.getByRole("button", { name: "EN", exact: true }).click();
    await expect.poll(() => page.locator("h1").textContent()).toBe("Overview");
  });

  it("shows the network of an item with bloc colours and a legend, and the risk register with explanations", async () => {
    const { page } = browser;
    await page.goto(`${server.url}/#/network/155mm-he-round`);
    await page.getByRole("heading", { name: "Chain" }).waitFor();
    expect(await page.locator("table.chain tbody tr").count()).toBeGreaterThan(5);
    expect(await page.getByRole("list", { name: "Bloc colours" }).first().isVisible()).toBe(true);
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, "06-network");

    await page.goto(`${server.url}/#/risk`);
    const first = page.getByTestId("finding").first();
    await first.waitFor();
    await first.getByRole("button").click();
    expect(await first.getByRole("heading", { name: "Suggested mitigation" }).isVisible()).toBe(true);
    await page.getByLabel("Severity").selectOption("high");
    const high = await page.getByTestId("finding").count();
    expect(high).toBeGreaterThan(0);
    expect(await page.getByTestId("finding").locator(".badge").allTextContents()).toEqual(new Array<string>(high).fill("high"));
    await screenshot(page, "07-risk-register");
  });

  it("edits a row: the server's validation errors show on the field, a good change is saved and audited", async () => {
    const { page } = browser;
    await page.goto(`${server.url}/#/data/edit/supply/unterluess-155-lap`);
    const leadTime = page.getByLabel("leadTime");
    await leadTime.waitFor();
    // The form's own check: not a whole number.
    await leadTime.fill("1.5");
    await page.getByRole("button", { name: "Save" }).click();
    expect(await page.locator(".field-error").first().textContent()).toContain("whole number");
    // The data model's check, by the server: a negative lead time.
    await leadTime.fill("-1");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText(/Not saved: \d+ problems?/).waitFor();
    expect(await leadTime.getAttribute("aria-invalid")).toBe("true");
    await screenshot(page, "08-edit-rejected");
    await leadTime.fill("2");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Saved. Changes:").waitFor();
    expect(await page.locator(".success").textContent()).toContain("leadTime");
    await page.goto(`${server.url}/#/data/audit`);
    const entry = page.locator("table.audit tbody tr").filter({ hasText: "unterluess-155-lap" });
    await entry.first().waitFor();
    expect(await entry.first().textContent()).toContain(server.username);
    await screenshot(page, "09-audit-log");
  });

  it("builds a scenario with the pickers, shows the server's problems in place, compares it and runs a Monte Carlo", async () => {
    const { page } = browser;
    await page.goto(`${server.url}/#/scenarios/build`);
    await page.locator("#scenario-name").waitFor();
    await page.locator("#scenario-name").fill("unterluess-down");
    // An outage for -3 months: the server refuses it, naming the change and its field.
    await page.locator("#change-node").selectOption("rheinmetall-unterluess");
    await page.locator("#change-from").fill("2026-01");
    await page.locator("#change-months").fill("-3");
    await page.locator("#add-change").click();
    await page.locator("#save-scenario").click();
    await page.locator("#scenario-changes .field-error").first().waitFor();
    expect(await page.locator("#scenario-changes .field-error").first().textContent()).toContain("changes[0].months");
    await page.locator("#scenario-changes").getByRole("button", { name: "Remove" }).click();
    await page.locator("#change-months").fill("12");
    await page.locator("#add-change").click();
    await page.locator("#save-scenario").click();
    await page.locator("#scenario-list").getByRole("link", { name: "unterluess-down" }).waitFor();
    await screenshot(page, "10-scenario-built");

    await page.goto(`${server.url}/#/scenarios/compare`);
    await page.locator("#run-compare").click();
    await page.locator("#compare-target-table").waitFor({ timeout: 60_000 });
    expect(await page.locator("#compare-scenarios tbody tr").allTextContents()).toEqual([
      expect.stringContaining("base"),
      expect.stringContaining("unterluess-down"),
    ]);
    await screenshot(page, "11-scenario-compare");

    await page.goto(`${server.url}/#/scenarios/security`);
    await page.locator("#mc-runs").fill("20");
    await page.locator("#run-montecarlo").click();
    await page.locator(".mc-target").first().waitFor({ timeout: 60_000 });
    expect(await page.locator(".mc-target").first().textContent()).toMatch(/Met by its month in [\d.]+% of runs/);
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, "12-supply-security");
  });

  it("hides and disables what a viewer may not do", async () => {
    const { page } = browser;
    const system = { username: "system", role: "admin" as const, displayName: null, via: "cli" as const };
    await server.services.users.create(system, { username: "e2e-viewer", role: "viewer", password: "e2e-viewer-password-1" });
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByLabel("Username").fill("e2e-viewer");
    await page.getByLabel("Password").fill("e2e-viewer-password-1");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.locator(".role").waitFor();
    expect(await page.locator(".role").textContent()).toBe("Viewer");
    await page.goto(`${server.url}/#/data/import`);
    // No import right: the tab is shown disabled and the page opens on the export.
    expect(await page.locator(".tabs [aria-disabled=true]").allTextContents()).toEqual(["Import", "Audit log"]);
    await page.getByRole("heading", { name: "Export the dataset" }).waitFor();
    await page.goto(`${server.url}/#/plan`);
    await page.getByRole("heading", { name: "Explanation" }).waitFor();
    expect(await page.getByRole("button", { name: "Recompute plan" }).count()).toBe(0);
    await screenshot(page, "10-viewer-data");
  });

  it("works on a tablet-sized window without horizontal scrolling", async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 800, height: 1100 });
    await page.goto(`${server.url}/#/overview`);
    await page.getByTestId("target-row").first().waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, "11-overview-tablet");
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it("threw no script errors on the way", () => {
    expect(browser.errors).toEqual([]);
  });
});

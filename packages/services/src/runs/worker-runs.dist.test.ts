/**
 * Runs in worker threads from the built JavaScript, as in production (`npm start`): a plain Node
 * process without tsx or the source condition imports @paraat/services from dist, whose worker
 * is dist/runs/worker.js.
 */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { beforeAll, expect, it } from "vitest";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../../../..", import.meta.url));

beforeAll(async () => {
  // dist must be the code under test (incremental: quick when nothing changed).
  await run(
    process.execPath,
    [fileURLToPath(new URL("../../../../node_modules/typescript/bin/tsc", import.meta.url)), "-b", "packages/services"],
    { cwd: root },
  );
}, 120_000);

const script = `
import { generateDataset, presets, analyzeRisk } from "@paraat/core";
import { WorkerRuns, workerEntry } from "@paraat/services";
const runs = new WorkerRuns({ threads: 1 });
const dataset = generateDataset(presets.small);
const messages = [];
const plan = await runs.run("plan", { dataset, options: {} }, { progress: (f, m) => messages.push(m) });
const risk = await runs.run("risk", { dataset });
await runs.close();
console.log(JSON.stringify({
  entry: workerEntry().filename,
  status: plan.status, demands: plan.demands.length, wanted: dataset.demands.length, messages,
  riskSame: JSON.stringify(risk) === JSON.stringify(analyzeRisk(dataset)),
}));
`;

it("runs a plan and a risk analysis in a worker thread from dist, and the process ends by itself", async () => {
  const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script], {
    cwd: root,
    timeout: 60_000,
    env: { ...process.env, NODE_OPTIONS: "" },
  });
  const out = JSON.parse(stdout) as {
    entry: string;
    status: string;
    demands: number;
    wanted: number;
    messages: string[];
    riskSame: boolean;
  };
  expect(out.entry).toMatch(/\/packages\/services\/dist\/runs\/worker\.js$/);
  expect(out).toMatchObject({ status: "optimal", riskSame: true });
  expect(out.demands).toBe(out.wanted);
  expect(out.messages).toContain("explaining the plan");
});

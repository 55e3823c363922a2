/**
 * `npm run bench [-- suite ...]`: runs the benchmark suites in bench/suites and prints their
 * tables (Markdown), also writing them to bench/out/results.md.
 */
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { formatBenchTable, type BenchSuite } from "./lib/suite.js";

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(join(here, "suites"))
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
  .sort();
const sections: string[] = [`# Paraat benchmarks (${new Date().toISOString()}, node ${process.version})`];
for (const f of files) {
  const mod = (await import(pathToFileURL(join(here, "suites", f)).href)) as { suite: BenchSuite };
  const suite = mod.suite;
  if (wanted.length > 0 && !wanted.includes(suite.name)) continue;
  process.stderr.write(`bench: ${suite.name} — ${suite.description}\n`);
  const tables = await suite.run();
  for (const t of tables) {
    const text = formatBenchTable(t);
    sections.push(text);
    process.stdout.write(`\n${text}\n`);
  }
}
mkdirSync(join(here, "out"), { recursive: true });
writeFileSync(join(here, "out", "results.md"), `${sections.join("\n\n")}\n`);

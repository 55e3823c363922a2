import { existsSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ParaatError } from "@paraat/core";

/** The repository's datasets/ folder (shipped sample datasets), found from this file's location. */
export function samplesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, "datasets");
    if (existsSync(join(candidate, "nl-2024"))) return candidate;
    dir = resolve(dir, "..");
  }
  throw new ParaatError("NOT_FOUND", "cannot find the datasets/ folder with the sample datasets");
}

export function listSamples(): string[] {
  const dir = samplesDir();
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, `${e.name}.json`)))
    .map((e) => e.name)
    .sort();
}

export function samplePath(name: string): string {
  const available = listSamples();
  if (!available.includes(name)) throw new ParaatError("NOT_FOUND", `no sample dataset "${name}"; available: ${available.join(", ")}`);
  return join(samplesDir(), name, `${name}.json`);
}

/**
 * Finds a native solver's executable: an environment variable (a path, or a name looked up on
 * the PATH) wins over the PATH itself. Synchronous and cheap, so `isAvailable()` can be called
 * whenever a backend is chosen.
 */
import { accessSync, constants, statSync } from "node:fs";
import { delimiter, isAbsolute, join } from "node:path";

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export function findExecutable(name: string, envVar: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const override = env[envVar]?.trim();
  const wanted = override && override.length > 0 ? override : name;
  if (wanted.includes("/") || isAbsolute(wanted)) return isExecutableFile(wanted) ? wanted : undefined;
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (dir === "") continue;
    const candidate = join(dir, wanted);
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

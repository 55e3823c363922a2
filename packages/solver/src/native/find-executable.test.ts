import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findExecutable } from "./find-executable.js";

describe("findExecutable", () => {
  const dir = mkdtempSync(join(tmpdir(), "paraat-find-"));
  const other = mkdtempSync(join(tmpdir(), "paraat-find-"));
  const exe = join(dir, "mysolver");
  writeFileSync(exe, "#!/bin/sh\n");
  chmodSync(exe, 0o755);
  writeFileSync(join(other, "mysolver"), "not executable");
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(other, { recursive: true, force: true });
  });

  it("finds an executable on the PATH, skipping a non-executable file of that name", () => {
    expect(findExecutable("mysolver", "X_SOLVER", { PATH: `${other}:${dir}` })).toBe(exe);
    expect(findExecutable("mysolver", "X_SOLVER", { PATH: other })).toBeUndefined();
  });

  it("prefers the environment variable, as a path or as a name on the PATH", () => {
    expect(findExecutable("cbc", "X_SOLVER", { PATH: "", X_SOLVER: exe })).toBe(exe);
    expect(findExecutable("cbc", "X_SOLVER", { PATH: dir, X_SOLVER: "mysolver" })).toBe(exe);
    expect(findExecutable("cbc", "X_SOLVER", { PATH: dir, X_SOLVER: join(other, "mysolver") })).toBeUndefined();
  });
});

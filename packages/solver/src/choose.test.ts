import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ParaatError } from "@paraat/core";
import { afterAll, describe, expect, it } from "vitest";
import { chooseSolver, estimatedNonzeros, highsWasmMaxNonzeros, nativeFasterFromNonzeros } from "./choose.js";

/** PATH directories holding stand-in executables, so the choice is tested without the real solvers. */
const root = mkdtempSync(join(tmpdir(), "paraat-choose-"));
function pathWith(...names: string[]): string {
  const dir = join(root, names.join("-") || "none");
  mkdirSync(dir, { recursive: true });
  for (const n of names) {
    writeFileSync(join(dir, n), "#!/bin/sh\nexit 1\n");
    chmodSync(join(dir, n), 0o755);
  }
  return dir;
}
afterAll(() => rmSync(root, { recursive: true, force: true }));

const small = { variables: 100, constraints: 80, nonzeros: nativeFasterFromNonzeros };
const medium = { variables: 50_000, constraints: 40_000, nonzeros: nativeFasterFromNonzeros + 1 };
const large = { variables: 2_000_000, constraints: 1_500_000, nonzeros: highsWasmMaxNonzeros + 1 };

const nameOf = async (o: Parameters<typeof chooseSolver>[0]): Promise<string> => (await chooseSolver(o)).name;

describe("chooseSolver", () => {
  const both = { PATH: pathWith("cbc", "glpsol") };
  const onlyGlpsol = { PATH: pathWith("glpsol") };
  const none = { PATH: pathWith() };

  it("uses HiGHS in-process for small models even when native solvers are installed", async () => {
    expect(await nameOf({ ...small, env: both })).toBe("highs-wasm");
  });

  it("uses CBC above the small-model threshold when installed, else HiGHS while it fits", async () => {
    expect(await nameOf({ ...medium, env: both })).toBe("cbc");
    expect(await nameOf({ ...medium, env: onlyGlpsol })).toBe("highs-wasm");
    expect(await nameOf({ ...medium, env: none })).toBe("highs-wasm");
  });

  it("uses glpsol for a model HiGHS-WASM cannot hold when CBC is missing", async () => {
    expect(await nameOf({ ...large, env: both })).toBe("cbc");
    expect(await nameOf({ ...large, env: onlyGlpsol })).toBe("glpsol");
  });

  it("refuses a model too large for HiGHS-WASM without a native solver, saying how to install one", async () => {
    const err = await chooseSolver({ ...large, env: none }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ParaatError);
    expect((err as ParaatError).code).toBe("SOLVER_FAILED");
    expect((err as ParaatError).message).toMatch(/too large.*apt-get install coinor-cbc.*glpk-utils/s);
  });

  it("honours an explicit preference, and says how to install a preferred solver that is missing", async () => {
    expect(await nameOf({ ...small, prefer: "cbc", env: both })).toBe("cbc");
    expect(await nameOf({ ...small, prefer: "glpsol", env: both })).toBe("glpsol");
    expect(await nameOf({ ...large, prefer: "highs", env: none })).toBe("highs-wasm");
    expect(await nameOf({ ...small, prefer: "glpk-js", env: none })).toBe("glpk-js");
    await expect(chooseSolver({ ...small, prefer: "cbc", env: onlyGlpsol })).rejects.toThrow(/apt-get install coinor-cbc/);
    await expect(chooseSolver({ ...small, prefer: "glpsol", env: none })).rejects.toThrow(/apt-get install glpk-utils/);
  });

  it("finds a native solver through PARAAT_CBC when it is not on the PATH", async () => {
    const dir = pathWith("cbc");
    expect(await nameOf({ ...medium, env: { PATH: "", PARAAT_CBC: join(dir, "cbc") } })).toBe("cbc");
  });

  it("estimates non-zeros from the larger dimension when they are not given", () => {
    expect(estimatedNonzeros({ variables: 1000, constraints: 400 })).toBe(2700);
    expect(estimatedNonzeros({ variables: 10, constraints: 400, nonzeros: 7 })).toBe(7);
  });
});

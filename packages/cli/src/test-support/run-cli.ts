import { vi } from "vitest";
import { main } from "../index.js";

/** Runs the CLI in-process and captures what it prints, for the command tests. */
export async function runCli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const o = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  const e = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  });
  try {
    return { code: await main(["node", "paraat", ...args]), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

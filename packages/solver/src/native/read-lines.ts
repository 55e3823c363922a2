/** Streams a text file line by line, so solution files of large models are never held whole. */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";

export async function forEachLine(path: string, onLine: (line: string) => void): Promise<void> {
  const lines = createInterface({ input: createReadStream(path, { encoding: "utf8" }), crlfDelay: Infinity });
  for await (const line of lines) onLine(line);
}

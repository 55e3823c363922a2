/**
 * Serialised JSON of large results that do not change (a cached plan or risk analysis), kept with
 * the object, and gzipped once for clients that accept it: fifty clients reading the same 300 kB
 * plan neither stringify nor compress it fifty times.
 */
import { gzipSync } from "node:zlib";

interface Serialised {
  json: Buffer;
  gzip?: Buffer;
}

const serialised = new WeakMap<object, Serialised>();

/** Below this size compressing is not worth a header. */
const MIN_GZIP_BYTES = 1024;

export function cachedJson(value: object, acceptsGzip: boolean): { body: Buffer; gzipped: boolean } {
  let s = serialised.get(value);
  if (s === undefined) {
    s = { json: Buffer.from(JSON.stringify(value), "utf8") };
    serialised.set(value, s);
  }
  if (!acceptsGzip || s.json.length < MIN_GZIP_BYTES) return { body: s.json, gzipped: false };
  s.gzip ??= gzipSync(s.json);
  return { body: s.gzip, gzipped: true };
}

/** Marks a handler's result as immutable, to be serialised (and compressed) once. */
export class Immutable {
  constructor(readonly value: object) {}
}

/** Whether an Accept-Encoding header allows gzip (by name or *, with a q above 0). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  for (const part of [header ?? []].flat().join(",").split(",")) {
    const [name, ...params] = part.split(";").map((p) => p.trim().toLowerCase());
    if (name !== "gzip" && name !== "*") continue;
    const q = params.find((p) => p.startsWith("q="));
    if (q === undefined || Number(q.slice(2)) > 0) return true;
  }
  return false;
}

import { gunzipSync } from "node:zlib";
import { expect, it } from "vitest";
import { acceptsGzip, cachedJson } from "./json.js";

it("reads Accept-Encoding as browsers and proxies send it", () => {
  expect(acceptsGzip("gzip, deflate, br")).toBe(true);
  expect(acceptsGzip("br;q=1.0, gzip;q=0.8")).toBe(true);
  expect(acceptsGzip("*")).toBe(true);
  expect(acceptsGzip("gzip;q=0")).toBe(false);
  expect(acceptsGzip("identity")).toBe(false);
  expect(acceptsGzip(undefined)).toBe(false);
  expect(acceptsGzip(["deflate", "gzip"])).toBe(true);
});

it("serialises and compresses an object once, and leaves small bodies uncompressed", () => {
  const big = { rows: Array.from({ length: 500 }, (_, i) => ({ id: `row-${i}`, value: i })) };
  const first = cachedJson(big, true);
  expect(first.gzipped).toBe(true);
  expect(JSON.parse(gunzipSync(first.body).toString("utf8"))).toEqual(big);
  expect(cachedJson(big, true).body).toBe(first.body);
  const plain = cachedJson(big, false);
  expect(plain.gzipped).toBe(false);
  expect(plain.body.toString("utf8")).toBe(JSON.stringify(big));
  expect(cachedJson({ small: 1 }, true)).toEqual({ body: Buffer.from('{"small":1}'), gzipped: false });
});

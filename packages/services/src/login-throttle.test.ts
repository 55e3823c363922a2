import { expect, it } from "vitest";
import { LoginThrottle } from "./login-throttle.js";

it("refuses a key after its failures fill the window, until the oldest leaves it", () => {
  let t = 0;
  const throttle = new LoginThrottle({ failures: 3, windowMs: 60_000 }, () => t);
  for (const at of [0, 10_000, 20_000]) {
    t = at;
    throttle.check(["user:bob"]);
    throttle.fail(["user:bob"]);
  }
  t = 30_000;
  // The oldest failure (t = 0) leaves the window at 60 s: 30 s to wait.
  expect(() => throttle.check(["user:bob"])).toThrow(expect.objectContaining({ code: "RATE_LIMITED", details: { retryAfter: 30 } }));
  expect(() => throttle.check(["user:anna"])).not.toThrow();
  t = 60_001;
  expect(() => throttle.check(["user:bob"])).not.toThrow();
});

it("checks every key given and reports the longest wait", () => {
  let t = 0;
  const throttle = new LoginThrottle({ failures: 1, windowMs: 10_000 }, () => t);
  throttle.fail(["a"]);
  t = 5_000;
  throttle.fail(["b"]);
  expect(() => throttle.check(["a", "b"])).toThrow(expect.objectContaining({ details: { retryAfter: 10 } }));
});

it("forgets a key's failures when cleared", () => {
  const throttle = new LoginThrottle({ failures: 1, windowMs: 10_000 }, () => 0);
  throttle.fail(["bob"]);
  expect(() => throttle.check(["bob"])).toThrow();
  throttle.clear("bob");
  expect(() => throttle.check(["bob"])).not.toThrow();
});

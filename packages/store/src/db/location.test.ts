import { describe, expect, it } from "vitest";
import { DEFAULT_SQLITE_PATH, chooseLocation, parseLocation, redactUrl } from "./location.js";

describe("store location", () => {
  it("prefers the explicit location, then PARAAT_DB, then ./paraat.db", () => {
    expect(chooseLocation("a.db", { PARAAT_DB: "b.db" })).toBe("a.db");
    expect(chooseLocation(undefined, { PARAAT_DB: "b.db" })).toBe("b.db");
    expect(chooseLocation("", { PARAAT_DB: " " })).toBe(DEFAULT_SQLITE_PATH);
    expect(chooseLocation(undefined, {})).toBe("./paraat.db");
  });

  it("picks PostgreSQL for postgres:// and postgresql:// URLs only", () => {
    expect(parseLocation("postgres://u@h/db").dialect).toBe("postgres");
    expect(parseLocation("postgresql://u@h/db").dialect).toBe("postgres");
    expect(parseLocation("./postgres.db").dialect).toBe("sqlite");
    expect(parseLocation(":memory:")).toEqual({ dialect: "sqlite", target: ":memory:", display: ":memory:" });
  });

  it("never shows a password", () => {
    expect(redactUrl("postgres://alice:pa%40ss@db.local:5433/paraat")).toBe("postgres://alice@db.local:5433/paraat");
    expect(redactUrl("postgresql://alice@db.local/paraat?sslmode=require&password=x1")).toBe(
      "postgresql://alice@db.local/paraat?sslmode=require",
    );
    const loc = parseLocation("postgres://bob:hunter2@127.0.0.1/p");
    expect(loc.target).toContain("hunter2");
    expect(loc.display).toBe("postgres://bob@127.0.0.1/p");
    expect(redactUrl("postgres://bob:hunter2@[bad")).not.toContain("hunter2");
  });
});

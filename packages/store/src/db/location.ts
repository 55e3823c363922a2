/**
 * Where the database lives: a SQLite file path (the default) or a PostgreSQL URL.
 * The display form never contains a password, so it is safe in messages and logs.
 */
import type { Dialect } from "../store.js";

export const DEFAULT_SQLITE_PATH = "./paraat.db";

export interface StoreLocation {
  dialect: Dialect;
  /** What the driver connects to: the file path or the full URL (may contain a password). */
  target: string;
  /** The path, or the URL without its password. */
  display: string;
}

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

/** The explicit location, else env PARAAT_DB, else ./paraat.db. Empty strings count as not given. */
export function chooseLocation(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (explicit !== undefined && explicit.trim() !== "") return explicit.trim();
  const fromEnv = env.PARAAT_DB;
  if (fromEnv !== undefined && fromEnv.trim() !== "") return fromEnv.trim();
  return DEFAULT_SQLITE_PATH;
}

export function parseLocation(location: string): StoreLocation {
  if (POSTGRES_URL.test(location)) return { dialect: "postgres", target: location, display: redactUrl(location) };
  return { dialect: "sqlite", target: location, display: location };
}

/** The URL with any password removed (from the user-info part and from a `password` query parameter). */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    u.password = "";
    u.searchParams.delete("password");
    return u.toString();
  } catch {
    // Not parseable as a URL: drop everything between the scheme's "//" and an "@" that could hold user:password.
    return url.replace(/\/\/[^@/]*@/, "//***@").replace(/([?&]password=)[^&]*/i, "$1***");
  }
}

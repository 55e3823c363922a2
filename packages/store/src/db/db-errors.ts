/**
 * Turns driver errors into ParaatErrors with a message a user can act on. Messages name the
 * database by its display location, which never contains a password.
 */
import { ParaatError } from "@paraat/core";
import type { StoreLocation } from "./location.js";

const CONNECTION_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ECONNRESET"]);

function codeOf(e: unknown): string | undefined {
  if (typeof e !== "object" || e === null) return undefined;
  const code = (e as { code?: unknown }).code;
  if (typeof code === "string") return code;
  // Node's dual-stack connect reports an AggregateError whose parts carry the code.
  const parts = (e as { errors?: unknown }).errors;
  if (Array.isArray(parts)) return parts.map(codeOf).find((c) => c !== undefined);
  return undefined;
}

function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message || e.constructor.name;
  return String(e);
}

/** Removes the URL's password from a message, in case a driver quotes the connection string. */
function scrub(text: string, where: StoreLocation): string {
  let url: URL;
  try {
    url = new URL(where.target);
  } catch {
    return text.split(where.target).join(where.display);
  }
  const password = decodeURIComponent(url.password);
  return password === "" ? text : text.split(password).join("***");
}

/**
 * @param action what was being done, e.g. `saving dataset "nl-2024"`; starts the message.
 */
export function toStoreError(e: unknown, where: StoreLocation, action: string): ParaatError {
  if (e instanceof ParaatError) return e;
  const code = codeOf(e);
  const detail = (e as { detail?: unknown } | null)?.detail;
  const raw = typeof detail === "string" && detail !== "" ? `${messageOf(e)} (${detail})` : messageOf(e);
  const reason = where.dialect === "postgres" ? scrub(raw, where) : raw;
  const fail = (errorCode: "STORE_FAILED" | "CONFLICT", message: string): ParaatError =>
    new ParaatError(errorCode, message, { cause: e, details: { location: where.display, ...(code ? { dbCode: code } : {}) } });

  if (where.dialect === "postgres") {
    if (code !== undefined && CONNECTION_CODES.has(code))
      return fail("STORE_FAILED", `${action}: cannot connect to PostgreSQL at ${where.display}: is it running? (${code})`);
    if (/timeout exceeded when trying to connect|Connection terminated/i.test(reason))
      return fail("STORE_FAILED", `${action}: cannot connect to PostgreSQL at ${where.display}: is it running? (${reason})`);
    switch (code ?? "") {
      case "3D000":
        return fail("STORE_FAILED", `${action}: the PostgreSQL database at ${where.display} does not exist; create it first (createdb)`);
      case "28P01":
      case "28000":
        return fail("STORE_FAILED", `${action}: PostgreSQL at ${where.display} refused the login; check the user name and password`);
      case "23505":
        return fail("CONFLICT", `${action}: a row with the same key already exists: ${reason}`);
      case "23503":
        return fail("CONFLICT", `${action}: a row refers to something that does not exist: ${reason}`);
      case "22021":
      case "22P05":
        return fail(
          "STORE_FAILED",
          `${action}: PostgreSQL cannot store this text (it holds a NUL character or invalid Unicode): ${reason}`,
        );
      case "57P01":
      case "57P02":
      case "57P03":
        return fail("STORE_FAILED", `${action}: PostgreSQL at ${where.display} is shutting down or starting up; try again`);
      default:
        break;
    }
  } else if (code !== undefined) {
    if (code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY")
      return fail("CONFLICT", `${action}: a row with the same key already exists: ${reason}`);
    if (code === "SQLITE_CONSTRAINT_FOREIGNKEY")
      return fail("CONFLICT", `${action}: a row refers to something that does not exist: ${reason}`);
    if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED"))
      return fail("STORE_FAILED", `${action}: the SQLite database ${where.display} is busy (another process is writing); try again`);
    if (code === "SQLITE_NOTADB") return fail("STORE_FAILED", `${action}: ${where.display} is not a SQLite database`);
    if (code.startsWith("SQLITE_CANTOPEN"))
      return fail("STORE_FAILED", `${action}: cannot open the SQLite database ${where.display}: ${reason}`);
    if (code.startsWith("SQLITE_READONLY")) return fail("STORE_FAILED", `${action}: the SQLite database ${where.display} is read-only`);
    if (code === "SQLITE_FULL") return fail("STORE_FAILED", `${action}: the disk holding ${where.display} is full`);
  }
  return fail("STORE_FAILED", `${action} failed on ${where.display}: ${reason}`);
}

/**
 * The small syntax of nested values inside one cell: lists "a, b", pairs "CN=0.7; RU=0.3",
 * capacity steps "2025-01=1000; 2026-07=2500". Readable for ordinary values; a value that holds a
 * separator, a quote, a brace or leading/trailing spaces is written as a JSON string ("NATO, 2024")
 * so every value round-trips exactly. Capacity steps may carry a JSON object with provenance.
 */

/** Splits at `sep` where it is not inside a JSON string or inside braces/brackets. */
export function splitTopLevel(text: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inString = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === "\\") i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === "{" || ch === "[") depth++;
    else if ((ch === "}" || ch === "]") && depth > 0) depth--;
    else if (ch === sep && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** Index of the first `sep` outside JSON strings and braces, or -1. */
export function indexOfTopLevel(text: string, sep: string): number {
  const first = splitTopLevel(text, sep)[0]!;
  return first.length === text.length ? -1 : first.length;
}

const NEEDS_QUOTES = /[,;="{}[\]\\]|^\s|\s$|^$/;

/** The value as it appears inside a nested cell: bare when safe, otherwise as a JSON string. */
export function quoteIfNeeded(value: string): string {
  return NEEDS_QUOTES.test(value) ? JSON.stringify(value) : value;
}

/** Reverses `quoteIfNeeded` on a trimmed token; undefined if a quoted token is malformed. */
export function unquote(token: string): string | undefined {
  const t = token.trim();
  if (!t.startsWith('"')) return t;
  try {
    const v: unknown = JSON.parse(t);
    return typeof v === "string" ? v : undefined;
  } catch {
    return undefined;
  }
}

/** Splits "key=rest" at the first top-level "="; undefined when there is none. */
export function splitPair(token: string): [string, string] | undefined {
  const at = indexOfTopLevel(token, "=");
  return at < 0 ? undefined : [token.slice(0, at), token.slice(at + 1)];
}

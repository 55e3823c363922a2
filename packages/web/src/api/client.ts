/**
 * The one place the web app talks HTTP. Every failure becomes an ApiError carrying the server's
 * `{ code, message, details }`, so pages show the same error text the CLI would.
 */
import type { ErrorBody } from "./types.js";

export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly status: number;
  readonly body: ErrorBody;

  constructor(status: number, body: ErrorBody) {
    super(body.message);
    this.status = status;
    this.body = body;
  }

  get code(): string {
    return this.body.code;
  }
}

/** Called on any 401 so the app can return to the login page. */
let onUnauthenticated: (() => void) | undefined;
export function setUnauthenticatedHandler(handler: (() => void) | undefined): void {
  onUnauthenticated = handler;
}

function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as ErrorBody).code === "string" &&
    typeof (value as ErrorBody).message === "string"
  );
}

async function errorFrom(response: Response): Promise<ApiError> {
  let body: ErrorBody = {
    code: response.status === 401 ? "UNAUTHENTICATED" : "HTTP_ERROR",
    message: `${response.status} ${response.statusText}`,
  };
  try {
    const parsed: unknown = await response.json();
    if (isErrorBody(parsed)) body = parsed;
  } catch {
    // Not JSON (a proxy error page, say): keep the status line.
  }
  return new ApiError(response.status, body);
}

export interface ApiResponse<T> {
  status: number;
  data: T;
}

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Sent as JSON unless it is binary (then `contentType` says what it is). */
  body?: unknown;
  contentType?: string;
  query?: Record<string, string | number | boolean | undefined>;
  signal?: AbortSignal;
  /** A 401 is the caller's business: do not send the app back to the login page. */
  quiet?: boolean;
}

export function apiUrl(path: string, query?: RequestOptions["query"]): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== "") params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Any request; resolves with the status too, for routes that answer 200 or 202. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { Accept: "application/json" };
  // RequestInit["body"]: the same type in the browser's and in Node's fetch typings.
  let body: RequestInit["body"];
  if (options.body instanceof ArrayBuffer || options.body instanceof Uint8Array || options.body instanceof Blob) {
    body = options.body as RequestInit["body"];
    headers["Content-Type"] = options.contentType ?? "application/octet-stream";
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers["Content-Type"] = "application/json";
  }
  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method: options.method ?? "GET",
      headers,
      body,
      credentials: "same-origin",
      signal: options.signal,
    });
  } catch (e) {
    if ((e as { name?: string }).name === "AbortError") throw e;
    throw new ApiError(0, { code: "NETWORK", message: e instanceof Error ? e.message : String(e) });
  }
  if (!response.ok) {
    const error = await errorFrom(response);
    if (response.status === 401 && onUnauthenticated && !options.quiet) onUnauthenticated();
    throw error;
  }
  if (response.status === 204) return { status: 204, data: undefined as T };
  const text = await response.text();
  return { status: response.status, data: (text ? JSON.parse(text) : undefined) as T };
}

export async function getJson<T>(path: string, query?: RequestOptions["query"], signal?: AbortSignal): Promise<T> {
  return (await request<T>(path, { query, signal })).data;
}

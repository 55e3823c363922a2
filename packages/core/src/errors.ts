/**
 * One error type for the whole of Paraat. Each code is stable: the HTTP status and the CLI
 * exit code it maps to live in one table below, so the server and the CLI never disagree.
 */
export const errorCodes = {
  VALIDATION_FAILED: { http: 422, exit: 3, summary: "The input does not satisfy the data model" },
  IMPORT_FAILED: { http: 422, exit: 3, summary: "The file could not be read as a dataset" },
  INVALID_ARGUMENT: { http: 400, exit: 2, summary: "An argument or option is missing or malformed" },
  NOT_FOUND: { http: 404, exit: 4, summary: "The requested thing does not exist" },
  CONFLICT: { http: 409, exit: 5, summary: "The request conflicts with what is stored" },
  DATASET_AMBIGUOUS: { http: 409, exit: 5, summary: "Several datasets exist; name one" },
  UNAUTHENTICATED: { http: 401, exit: 6, summary: "Sign in first" },
  FORBIDDEN: { http: 403, exit: 6, summary: "Your role does not allow this" },
  RATE_LIMITED: { http: 429, exit: 7, summary: "Too many attempts; wait and try again" },
  MODEL_INFEASIBLE: { http: 422, exit: 8, summary: "The planning model has no solution" },
  MODEL_UNBOUNDED: { http: 422, exit: 8, summary: "The planning model is unbounded" },
  SOLVER_FAILED: { http: 500, exit: 9, summary: "The solver failed" },
  STORE_FAILED: { http: 500, exit: 10, summary: "The database failed" },
  CANCELLED: { http: 409, exit: 11, summary: "The job was cancelled before it finished" },
  INTERNAL: { http: 500, exit: 1, summary: "Unexpected internal error" },
} as const satisfies Record<string, { http: number; exit: number; summary: string }>;

export type ErrorCode = keyof typeof errorCodes;

export class ParaatError extends Error {
  override readonly name = "ParaatError";
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, options: { details?: unknown; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = options.details;
  }

  get httpStatus(): number {
    return errorCodes[this.code].http;
  }

  get exitCode(): number {
    return errorCodes[this.code].exit;
  }

  toJSON(): { code: ErrorCode; message: string; details?: unknown } {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isParaatError(e: unknown): e is ParaatError {
  return e instanceof ParaatError;
}

/** Wraps anything thrown into a ParaatError so callers map it in one place. */
export function toParaatError(e: unknown): ParaatError {
  if (e instanceof ParaatError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new ParaatError("INTERNAL", message, { cause: e });
}

/** A ParaatError again from its JSON form (a job's error), keeping its code when it is one of ours. */
export function errorFromJson(e: { code: string; message: string; details?: unknown }): ParaatError {
  const code: ErrorCode = e.code in errorCodes ? (e.code as ErrorCode) : "INTERNAL";
  return new ParaatError(code, e.message, e.details === undefined ? {} : { details: e.details });
}

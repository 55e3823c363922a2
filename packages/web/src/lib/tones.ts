/** Which badge tone each status and severity gets, so every page colours them alike. */
import type { Severity } from "@paraat/core";

export type Tone = "ok" | "warn" | "bad" | "severe" | "neutral" | "info";

export const severityTone: Record<Severity, Tone> = { high: "bad", medium: "warn", low: "neutral" };
export const demandTone = { "on-time": "ok", late: "bad", short: "severe" } as const satisfies Record<string, Tone>;

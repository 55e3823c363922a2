/** Small building blocks shared by the pages. */
import type { ReactNode } from "react";
import { ApiError } from "../api/client.js";
import { issuesOf } from "../api/types.js";
import { useI18n } from "../i18n/I18n.js";
import type { Tone } from "../lib/tones.js";
import { IssueTable } from "./IssueTable.js";

export function Badge({ tone, children }: { tone: Tone; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label ?? t("common.loading")}
    </p>
  );
}

export function ProgressBar({ value, label }: { value: number; label: string }) {
  const { pct } = useI18n();
  return (
    <div className="progress" role="status">
      <div className="progress-label">
        <span>{label}</span>
        <span>{pct(value, 0)}</span>
      </div>
      <progress max={1} value={value} aria-label={label} />
    </div>
  );
}

/** An error from the API (or anything else), with every validation issue it carries. */
export function ErrorBox({ error, title }: { error: unknown; title?: string }) {
  const { t } = useI18n();
  const body =
    error instanceof ApiError ? error.body : { code: "INTERNAL", message: error instanceof Error ? error.message : String(error) };
  const issues = issuesOf(body);
  return (
    <div className="error-box" role="alert">
      <p className="error-title">
        <strong>{title ?? t("common.error")}</strong> <code>{body.code}</code>
      </p>
      <p>{body.message}</p>
      {issues.length > 0 && <IssueTable issues={issues} />}
    </div>
  );
}

export function Section({ title, id, actions, children }: { title: string; id?: string; actions?: ReactNode; children: ReactNode }) {
  const headingId = id ? `${id}-title` : undefined;
  return (
    <section className="panel" aria-labelledby={headingId} id={id}>
      <div className="panel-head">
        <h2 id={headingId}>{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

export function Figure({ label, value, note, tone }: { label: string; value: ReactNode; note?: ReactNode; tone?: Tone }) {
  return (
    <div className={`figure${tone ? ` figure-${tone}` : ""}`}>
      <div className="figure-label">{label}</div>
      <div className="figure-value">{value}</div>
      {note !== undefined && <div className="figure-note">{note}</div>}
    </div>
  );
}

/** The risk register: filter by kind, severity and text, sort, and open each finding's explanation and mitigation. */
import { useMemo } from "react";
import type { Finding, FindingKind, Severity } from "@paraat/core";
import { useDataset, useRisk } from "../../api/resources.js";
import { useSession } from "../../app/session.js";
import { Badge, ErrorBox, Loading } from "../../components/ui.js";
import { useI18n } from "../../i18n/I18n.js";
import { namesOf, type Names } from "../../lib/names.js";
import { formatRoute, type Route } from "../../lib/route.js";
import { severityTone } from "../../lib/tones.js";
import {
  filterFindings,
  findingKindList,
  paramsToQuery,
  queryToParams,
  severityList,
  sortKeys,
  type RiskQuery,
  type SortKey,
} from "./risk-filter.js";

type RiskRoute = Extract<Route, { page: "risk" }>;

export default function RiskPage({ route }: { route: RiskRoute }) {
  const { t, num } = useI18n();
  const session = useSession();
  const name = session.dataset!;
  const risk = useRisk(name);
  const dataset = useDataset(name);
  const names = useMemo(() => namesOf(dataset.data), [dataset.data]);
  const query = paramsToQuery(route.query);
  const findings = useMemo(() => (risk.data ? filterFindings(risk.data.register, query, names.any) : []), [risk.data, query, names]);

  const go = (q: RiskQuery, finding = route.finding) => {
    window.location.replace(formatRoute({ page: "risk", query: queryToParams(q), ...(finding ? { finding } : {}) }));
  };
  const toggleKind = (k: FindingKind) =>
    go({ ...query, kinds: query.kinds.includes(k) ? query.kinds.filter((x) => x !== k) : [...query.kinds, k] });
  const counts = useMemo(() => {
    const c: Partial<Record<FindingKind, number>> = {};
    for (const f of risk.data?.register ?? []) c[f.kind] = (c[f.kind] ?? 0) + 1;
    return c;
  }, [risk.data]);

  return (
    <div className="page">
      <header className="page-head">
        <div>
          <h1>{t("risk.title")}</h1>
          <p className="muted">{t("risk.subtitle")}</p>
        </div>
      </header>
      {risk.error ? <ErrorBox error={risk.error} /> : null}
      {risk.loading && <Loading />}
      {risk.data && (
        <>
          <form className="filters panel" role="search" onSubmit={(e) => e.preventDefault()} aria-label={t("risk.filters")}>
            <fieldset className="kinds">
              <legend>{t("risk.kind")}</legend>
              {findingKindList
                .filter((k) => counts[k])
                .map((k) => (
                  <label key={k} className="check-chip">
                    <input type="checkbox" checked={query.kinds.includes(k)} onChange={() => toggleKind(k)} />
                    <span>
                      {t(`finding.${k}`)} <span className="muted">{num(counts[k] ?? 0)}</span>
                    </span>
                  </label>
                ))}
            </fieldset>
            <div className="filter-row">
              <label>
                <span>{t("risk.severity")}</span>
                <select
                  value={query.severity ?? ""}
                  onChange={(e) => go({ ...query, severity: (e.target.value || null) as Severity | null })}
                >
                  <option value="">{t("risk.anySeverity")}</option>
                  {severityList.map((s) => (
                    <option key={s} value={s}>
                      {t("risk.atLeast", { severity: t(`severity.${s}`) })}
                    </option>
                  ))}
                </select>
              </label>
              <label className="grow">
                <span>{t("risk.text")}</span>
                <input
                  type="search"
                  defaultValue={query.text}
                  onChange={(e) => go({ ...query, text: e.target.value })}
                  placeholder={t("risk.textPlaceholder")}
                />
              </label>
              <label>
                <span>{t("risk.sort")}</span>
                <select value={query.sort} onChange={(e) => go({ ...query, sort: e.target.value as SortKey })}>
                  {sortKeys.map((k) => (
                    <option key={k} value={k}>
                      {t(`risk.sort.${k}`)}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" onClick={() => go({ ...query, descending: !query.descending })} aria-label={t("risk.direction")}>
                {query.descending ? t("risk.desc") : t("risk.asc")}
              </button>
            </div>
          </form>
          <p className="muted" role="status">
            {t("risk.count", { n: findings.length, total: num(risk.data.register.length) })}
          </p>
          <ul className="findings">
            {findings.map((f) => (
              <FindingItem
                key={f.id}
                finding={f}
                open={route.finding === f.id}
                names={names}
                onToggle={(open) => go(query, open ? f.id : undefined)}
              />
            ))}
          </ul>
          {risk.data.notes.length > 0 && (
            <details className="notes">
              <summary>{t("risk.notes")}</summary>
              <ul lang="en">
                {risk.data.notes.map((n, i) => (
                  <li key={i}>{n}</li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </div>
  );
}

/** The finding's key figure in the unit core gives it ("share", "hhi", "options", "supply risk"; others as named). */
function figureText(f: Finding, i18n: ReturnType<typeof useI18n>): string {
  switch (f.unit) {
    case "share":
      return i18n.pct(f.figure);
    case "hhi":
      return `HHI ${i18n.num(Math.round(f.figure))}`;
    case "options":
      return i18n.t("risk.unit.options", { n: f.figure });
    case "supply risk":
      return i18n.t("risk.unit.supplyRisk", { value: i18n.num(f.figure, 2) });
    default:
      return `${i18n.num(f.figure, 2)} ${f.unit}`;
  }
}

function FindingItem({
  finding: f,
  open,
  names,
  onToggle,
}: {
  finding: Finding;
  open: boolean;
  names: Names;
  onToggle: (open: boolean) => void;
}) {
  const i18n = useI18n();
  const { t, num, lang } = i18n;
  const panel = `finding-${f.id.replace(/[^a-zA-Z0-9_-]/g, "_")}`;
  return (
    <li className={`finding${open ? " open" : ""}`} data-testid="finding">
      <button type="button" className="finding-head" aria-expanded={open} aria-controls={panel} onClick={() => onToggle(!open)}>
        <Badge tone={severityTone[f.severity]}>{t(`severity.${f.severity}`)}</Badge>
        <span className="finding-score" title={t("risk.score")}>
          {num(f.score)}
        </span>
        <span className="finding-title">
          <strong>{names.any(f.subject)}</strong>
          <span className="muted"> · {t(`finding.${f.kind}`)}</span>
        </span>
        <span className="finding-figure">{figureText(f, i18n)}</span>
      </button>
      {open && (
        <div id={panel} className="finding-body">
          <h3>{t("risk.explanation")}</h3>
          <p lang="en">{f.explanation}</p>
          <h3>{t("risk.mitigation")}</h3>
          <p lang="en">{f.mitigation}</p>
          {lang !== "en" && <p className="muted small">{t("explain.englishNote")}</p>}
          {f.related.length > 0 && (
            <p className="links">
              <span className="muted">{t("risk.related")}</span>
              {f.related.map((r) =>
                names.isItem(r) ? (
                  <a key={r} href={formatRoute({ page: "network", item: r })}>
                    {names.any(r)}
                  </a>
                ) : (
                  <span key={r}>{names.any(r)}</span>
                ),
              )}
            </p>
          )}
          {names.isItem(f.subject) && (
            <p className="links">
              <a href={formatRoute({ page: "network", item: f.subject })}>{t("cause.seeChain")}</a>
            </p>
          )}
        </div>
      )}
    </li>
  );
}

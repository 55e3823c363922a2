/**
 * The first page: which targets are late and by how much, which demands are late or short, the
 * top bottlenecks and the top risks. Every row links to its explanation.
 */
import { useMemo, useState } from "react";
import { usePlan } from "../../api/plan-job.js";
import { useDataset, useRisk } from "../../api/resources.js";
import { useSession } from "../../app/session.js";
import { PlanStatus } from "../../components/PlanStatus.js";
import { Badge, ErrorBox, Figure, Loading, Section } from "../../components/ui.js";
import { useI18n } from "../../i18n/I18n.js";
import { horizonEnd } from "@paraat/core/shared";
import { namesOf } from "../../lib/names.js";
import { formatRoute } from "../../lib/route.js";
import { demandTone, severityTone } from "../../lib/tones.js";
import { demandRows, statusCounts, targetRows, topBottlenecks, topRisks, type DemandRow, type TargetRow } from "./overview-data.js";

export default function OverviewPage() {
  const { t, month, num } = useI18n();
  const session = useSession();
  const name = session.dataset!;
  const canPlan = session.can("plan:read");
  const canRisk = session.can("risk:read");
  const plan = usePlan(name, canPlan);
  const dataset = useDataset(name);
  const risk = useRisk(name, canRisk);
  const names = useMemo(() => namesOf(dataset.data), [dataset.data]);
  const result = plan?.status === "done" ? plan.result : undefined;
  const targets = useMemo(() => (result ? targetRows(result.targets) : []), [result]);
  const demands = useMemo(() => (result ? demandRows(result.demands) : []), [result]);
  const tCounts = statusCounts(targets);
  const dCounts = statusCounts(demands);
  const risks = risk.data ? topRisks(risk.data.register, 6) : [];
  const highRisks = risk.data?.register.filter((f) => f.severity === "high").length ?? 0;
  const targetsLate = (tCounts.late ?? 0) + (tCounts.never ?? 0);

  return (
    <div className="page">
      <header className="page-head">
        <div>
          <h1>{t("overview.title")}</h1>
          <p className="muted">
            {t("overview.subtitle", { dataset: name })}
            {dataset.data && ` · ${t("common.horizon")} ${month(dataset.data.horizon.start)} – ${month(horizonEnd(dataset.data.horizon))}`}
          </p>
        </div>
      </header>

      {dataset.error ? <ErrorBox error={dataset.error} /> : null}
      {canPlan && plan?.status !== "done" && <PlanStatus dataset={name} state={plan} />}

      {result && dataset.data && (
        <>
          <div className="figures" aria-label={t("overview.keyFigures")}>
            <Figure
              label={t("overview.targetsLate")}
              value={`${num(targetsLate)} / ${num(targets.length)}`}
              tone={targetsLate > 0 ? "bad" : "ok"}
              note={targetsLate > 0 ? t("overview.targetsLateNote") : t("overview.allTargetsMet")}
            />
            <Figure
              label={t("overview.demands")}
              value={num(demands.length)}
              note={
                <span className="counts">
                  <Badge tone="ok">
                    {t("status.on-time")}: {num(dCounts["on-time"] ?? 0)}
                  </Badge>{" "}
                  <Badge tone={(dCounts.late ?? 0) > 0 ? "bad" : "neutral"}>
                    {t("status.late")}: {num(dCounts.late ?? 0)}
                  </Badge>{" "}
                  <Badge tone={(dCounts.short ?? 0) > 0 ? "severe" : "neutral"}>
                    {t("status.short")}: {num(dCounts.short ?? 0)}
                  </Badge>
                </span>
              }
            />
            <Figure label={t("overview.bottlenecks")} value={num(result.bottlenecks.length)} note={t("overview.bottlenecksNote")} />
            {canRisk && (
              <Figure
                label={t("overview.highRisks")}
                value={risk.data ? num(highRisks) : "…"}
                tone={highRisks > 0 ? "warn" : "ok"}
                note={t("overview.highRisksNote")}
              />
            )}
          </div>

          <Section title={t("overview.targets")} id="targets">
            <TargetTable rows={targets} names={names} />
          </Section>

          <Section title={t("overview.demandsTitle")} id="demands">
            <DemandTable rows={demands} names={names} />
          </Section>

          <div className="two-col">
            <Section title={t("overview.topBottlenecks")} id="bottlenecks">
              {result.bottlenecks.length === 0 ? (
                <p className="muted">{t("overview.noBottlenecks")}</p>
              ) : (
                <ol className="ranked">
                  {topBottlenecks(result, 5).map((b) => (
                    <li key={b.supply}>
                      <a href={formatRoute({ page: "plan", subject: { kind: "bottleneck", id: b.supply } })}>
                        <span className="ranked-title">{b.itemName}</span>
                        <span className="ranked-sub">
                          {b.siteName} · {b.companyName} · {b.country}
                        </span>
                      </a>
                      <span className="ranked-figure">{t("overview.bindingMonths", { n: b.bindingMonths })}</span>
                    </li>
                  ))}
                </ol>
              )}
            </Section>
            {canRisk && (
              <Section title={t("overview.topRisks")} id="risks">
                {risk.loading && <Loading />}
                {risk.error ? <ErrorBox error={risk.error} /> : null}
                <ol className="ranked">
                  {risks.map((f) => (
                    <li key={f.id}>
                      <a href={formatRoute({ page: "risk", finding: f.id, query: {} })}>
                        <span className="ranked-title">{names.any(f.subject)}</span>
                        <span className="ranked-sub">{t(`finding.${f.kind}`)}</span>
                      </a>
                      <Badge tone={severityTone[f.severity]}>{t(`severity.${f.severity}`)}</Badge>
                    </li>
                  ))}
                </ol>
              </Section>
            )}
          </div>
        </>
      )}
      {result && !dataset.data && !dataset.error && <Loading />}
    </div>
  );
}

function TargetStatusBadge({ row }: { row: TargetRow }) {
  const { t } = useI18n();
  if (row.status === "met") return <Badge tone="ok">{t("target.onTime")}</Badge>;
  if (row.status === "never") return <Badge tone="severe">{t("target.never")}</Badge>;
  return <Badge tone="bad">{t("target.monthsLate", { n: row.monthsLate ?? 0 })}</Badge>;
}

function TargetTable({ rows, names }: { rows: TargetRow[]; names: ReturnType<typeof namesOf> }) {
  const { t, month, num } = useI18n();
  if (rows.length === 0) return <p className="muted">{t("overview.noTargets")}</p>;
  return (
    <div className="table-wrap">
      <table className="data">
        <thead>
          <tr>
            <th scope="col">{t("col.target")}</th>
            <th scope="col">{t("col.holder")}</th>
            <th scope="col" className="num">
              {t("col.level")}
            </th>
            <th scope="col">{t("col.by")}</th>
            <th scope="col">{t("col.metAt")}</th>
            <th scope="col">{t("col.status")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className={r.status === "met" ? undefined : "row-late"} data-testid="target-row">
              <th scope="row">
                <a href={formatRoute({ page: "plan", subject: { kind: "target", id: r.id } })} className="strong-link">
                  {names.item(r.item)}
                </a>
                <span className="muted small block">{r.id}</span>
              </th>
              <td>{names.consumer(r.consumer)}</td>
              <td className="num">{num(r.level)}</td>
              <td className="nowrap">{month(r.by)}</td>
              <td className={r.status === "met" ? "nowrap" : "nowrap text-bad"}>{r.metAt ? month(r.metAt) : t("target.notInHorizon")}</td>
              <td>
                <TargetStatusBadge row={r} />{" "}
                {r.status !== "met" && (
                  <a href={formatRoute({ page: "plan", subject: { kind: "target", id: r.id } })} className="why">
                    {t("common.why")}
                  </a>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DemandTable({ rows, names }: { rows: DemandRow[]; names: ReturnType<typeof namesOf> }) {
  const { t, month, num } = useI18n();
  const problems = rows.filter((r) => r.status !== "on-time");
  const [all, setAll] = useState(problems.length === 0);
  const shown = all ? rows : problems;
  if (rows.length === 0) return <p className="muted">{t("overview.noDemands")}</p>;
  return (
    <>
      <div className="toolbar">
        <span className="muted">{t("overview.demandsShown", { shown: num(shown.length), total: num(rows.length) })}</span>
        <button type="button" className="link-button" onClick={() => setAll(!all)} aria-pressed={all}>
          {all ? t("overview.onlyProblems") : t("overview.showAll")}
        </button>
      </div>
      <div className="table-wrap">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t("col.demand")}</th>
              <th scope="col">{t("col.consumer")}</th>
              <th scope="col" className="num">
                {t("col.qty")}
              </th>
              <th scope="col">{t("col.due")}</th>
              <th scope="col">{t("col.lastDelivery")}</th>
              <th scope="col" className="num opt">
                {t("col.lateQty")}
              </th>
              <th scope="col" className="num opt">
                {t("col.shortQty")}
              </th>
              <th scope="col">{t("col.status")}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.id} data-testid="demand-row">
                <th scope="row">
                  <a href={formatRoute({ page: "plan", subject: { kind: "demand", id: r.id } })}>{names.item(r.item)}</a>
                  <span className="muted small block">{r.id}</span>
                </th>
                <td>{names.consumer(r.consumer)}</td>
                <td className="num">{num(r.qty)}</td>
                <td className="nowrap">{month(r.due)}</td>
                <td className="nowrap">{month(r.lastDelivery)}</td>
                <td className="num opt">{r.late > 0 ? num(r.late, 0) : "—"}</td>
                <td className="num opt">{r.short > 0 ? num(r.short, 0) : "—"}</td>
                <td>
                  <Badge tone={demandTone[r.status]}>
                    {r.status === "late" ? t("demand.monthsLate", { n: r.monthsLate }) : t(`status.${r.status}`)}
                  </Badge>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/**
 * The plan behind each target and demand: cumulative deliveries against the need (chart), the
 * explanation, and the production plan behind it; and each bottleneck with what more capacity gains.
 */
import { useMemo, useState } from "react";
import type { Dataset, DemandResult, PlanResult, TargetResult } from "@paraat/core";
import { startPlan, usePlan } from "../../api/plan-job.js";
import { useDataset } from "../../api/resources.js";
import { useSession } from "../../app/session.js";
import { Chart } from "../../charts/Chart.js";
import { demandChartOption, targetChartOption, type ChartText } from "../../charts/delivery-chart.js";
import { demandSeries, targetSeries } from "../../charts/delivery-data.js";
import { PlanStatus } from "../../components/PlanStatus.js";
import { Badge, ErrorBox, Figure, Loading, Section } from "../../components/ui.js";
import { useI18n, type I18n } from "../../i18n/I18n.js";
import { namesOf, type Names } from "../../lib/names.js";
import { formatRoute, type PlanSubject, type Route } from "../../lib/route.js";
import { demandTone } from "../../lib/tones.js";
import { demandRows, demandStatus, targetRows, targetStatus } from "../overview/overview-data.js";
import { Explanation, MonthRanges } from "./Explanation.js";
import { affectedBy, productionRows } from "./plan-data.js";
import { ProductionTable } from "./ProductionTable.js";

type PlanRoute = Extract<Route, { page: "plan" }>;

function defaultSubject(plan: PlanResult): { kind: PlanSubject; id: string } | undefined {
  const t = targetRows(plan.targets)[0];
  const d = demandRows(plan.demands)[0];
  if (t && t.status !== "met") return { kind: "target", id: t.id };
  if (d && d.status !== "on-time") return { kind: "demand", id: d.id };
  if (t) return { kind: "target", id: t.id };
  if (d) return { kind: "demand", id: d.id };
  return undefined;
}

function chartText(i: I18n): ChartText {
  return {
    month: i.month,
    num: (n) => i.num(n, 0),
    need: i.t("chart.need"),
    delivered: i.t("chart.delivered"),
    stock: i.t("chart.stock"),
    level: i.t("chart.level"),
    due: i.t("chart.due"),
    metAt: i.t("chart.metAt"),
  };
}

export default function PlanPage({ route }: { route: PlanRoute }) {
  const i18n = useI18n();
  const { t, month, num } = i18n;
  const session = useSession();
  const name = session.dataset!;
  const plan = usePlan(name);
  const dataset = useDataset(name);
  const names = useMemo(() => namesOf(dataset.data), [dataset.data]);
  const result = plan?.status === "done" ? plan.result : undefined;
  const subject = route.subject ?? (result ? defaultSubject(result) : undefined);
  const value = subject ? `${subject.kind}:${subject.id}` : "";
  const [ties, setTies] = useState<"due-date" | "pro-rata" | undefined>(undefined);
  const rule = ties ?? result?.ties.rule ?? "due-date";

  return (
    <div className="page">
      <header className="page-head">
        <div>
          <h1>{t("plan.title")}</h1>
          <p className="muted">{t("plan.subtitle")}</p>
        </div>
        {session.can("plan:run") && (
          <div className="picker">
            <label htmlFor="plan-ties">{t("plan.ties")}</label>
            <select id="plan-ties" value={rule} onChange={(e) => setTies(e.target.value as "due-date" | "pro-rata")}>
              <option value="due-date">{t("plan.ties.due-date")}</option>
              <option value="pro-rata">{t("plan.ties.pro-rata")}</option>
            </select>
          </div>
        )}
        {session.can("plan:run") && (
          <button
            type="button"
            onClick={() => startPlan(name, true, { ties: rule })}
            disabled={plan?.status === "running" || plan?.status === "queued" || plan?.status === "loading"}
          >
            {t("plan.rerun")}
          </button>
        )}
      </header>
      {result?.ties.applied && (
        <p className="muted" id="plan-ties-stated">
          {t("plan.tiesStated", {
            rule: t(`plan.ties.${result.ties.rule}`).toLowerCase(),
            supplies: result.ties.supplies.join(", "),
            targets: result.ties.targets.join(", "),
          })}
        </p>
      )}
      {plan?.status !== "done" && <PlanStatus dataset={name} state={plan} />}
      {dataset.error ? <ErrorBox error={dataset.error} /> : null}
      {result && !dataset.data && <Loading />}
      {result && dataset.data && (
        <>
          <div className="picker">
            <label htmlFor="plan-subject">{t("plan.choose")}</label>
            <select
              id="plan-subject"
              value={value}
              onChange={(e) => {
                const [kind, ...rest] = e.target.value.split(":");
                window.location.hash = formatRoute({ page: "plan", subject: { kind: kind as PlanSubject, id: rest.join(":") } });
              }}
            >
              {value === "" && <option value="">—</option>}
              <optgroup label={t("overview.targets")}>
                {targetRows(result.targets).map((r) => (
                  <option key={r.id} value={`target:${r.id}`}>
                    {`${names.item(r.item)} · ${names.consumer(r.consumer)} · ${r.status === "met" ? t("target.onTime") : r.status === "never" ? t("target.never") : t("target.monthsLate", { n: r.monthsLate ?? 0 })}`}
                  </option>
                ))}
              </optgroup>
              <optgroup label={t("overview.demandsTitle")}>
                {demandRows(result.demands).map((r) => (
                  <option key={r.id} value={`demand:${r.id}`}>
                    {`${names.item(r.item)} · ${names.consumer(r.consumer)} · ${month(r.due)} · ${r.status === "late" ? t("demand.monthsLate", { n: r.monthsLate }) : t(`status.${r.status}`)}`}
                  </option>
                ))}
              </optgroup>
              <optgroup label={t("overview.topBottlenecks")}>
                {result.bottlenecks.map((b) => (
                  <option key={b.supply} value={`bottleneck:${b.supply}`}>
                    {`#${num(b.rank)} ${b.itemName} · ${b.siteName}`}
                  </option>
                ))}
              </optgroup>
            </select>
          </div>
          {subject?.kind === "target" && <TargetView plan={result} dataset={dataset.data} id={subject.id} names={names} />}
          {subject?.kind === "demand" && <DemandView plan={result} dataset={dataset.data} id={subject.id} names={names} />}
          {subject?.kind === "bottleneck" && <BottleneckView plan={result} id={subject.id} names={names} />}
          {!subject && <p className="muted">{t("plan.nothing")}</p>}
          <p className="muted small solver">
            {t("plan.solverInfo", {
              backend: result.solver.backend,
              ms: num(Math.round(result.solver.solveMs)),
              vars: num(result.solver.variables),
            })}
          </p>
        </>
      )}
    </div>
  );
}

function NotFound({ id }: { id: string }) {
  const { t } = useI18n();
  return (
    <p className="note" role="alert">
      {t("plan.notFound", { id })}
    </p>
  );
}

function TargetView({ plan, dataset, id, names }: { plan: PlanResult; dataset: Dataset; id: string; names: Names }) {
  const i18n = useI18n();
  const { t, month, num } = i18n;
  const target: TargetResult | undefined = plan.targets.find((x) => x.id === id);
  const series = useMemo(() => (target ? targetSeries(plan, target) : null), [plan, target]);
  const option = useMemo(() => (series ? targetChartOption(series, chartText(i18n)) : null), [series, i18n]);
  if (!target || !series || !option) return <NotFound id={id} />;
  const status = targetStatus(target);
  const until = target.metAt ?? (status === "never" ? null : target.by);
  return (
    <>
      <Section
        title={`${names.item(target.item)} — ${names.consumer(target.consumer)}`}
        id="subject"
        actions={
          status === "met" ? (
            <Badge tone="ok">{t("target.onTime")}</Badge>
          ) : status === "never" ? (
            <Badge tone="severe">{t("target.never")}</Badge>
          ) : (
            <Badge tone="bad">{t("target.monthsLate", { n: target.monthsLate ?? 0 })}</Badge>
          )
        }
      >
        <div className="figures">
          <Figure label={t("col.level")} value={num(target.level)} />
          <Figure label={t("col.by")} value={month(target.by)} />
          <Figure
            label={t("col.metAt")}
            value={target.metAt ? month(target.metAt) : t("target.notInHorizon")}
            tone={status === "met" ? "ok" : "bad"}
          />
          <Figure label={t("target.gapAtBy")} value={num(target.gapAtBy, 0)} tone={target.gapAtBy > 0 ? "bad" : undefined} />
          <Figure label={t("target.unmetUsage")} value={num(target.unmetUsage, 0)} tone={target.unmetUsage > 0 ? "warn" : undefined} />
        </div>
        <Chart
          option={option}
          label={t("chart.targetLabel", { item: names.item(target.item), consumer: names.consumer(target.consumer) })}
        />
      </Section>
      <Section title={t("explain.title")} id="explanation">
        <Explanation explanation={target.explanation} names={names} />
      </Section>
      <Section title={t("production.title")} id="production">
        <ProductionTable rows={productionRows(dataset, plan.production, target.item, until)} until={until} />
      </Section>
    </>
  );
}

function DemandView({ plan, dataset, id, names }: { plan: PlanResult; dataset: Dataset; id: string; names: Names }) {
  const i18n = useI18n();
  const { t, month, num } = i18n;
  const demand: DemandResult | undefined = plan.demands.find((x) => x.id === id);
  const option = useMemo(
    () => (demand ? demandChartOption(demandSeries(plan, demand.consumer, demand.item), chartText(i18n), demand.due) : null),
    [plan, demand, i18n],
  );
  if (!demand || !option) return <NotFound id={id} />;
  const status = demandStatus(demand);
  const until = demand.lastDelivery ?? (status === "short" ? null : demand.due);
  return (
    <>
      <Section
        title={`${names.item(demand.item)} — ${names.consumer(demand.consumer)}`}
        id="subject"
        actions={
          <Badge tone={demandTone[status]}>
            {status === "late" ? t("demand.monthsLate", { n: demand.monthsLate }) : t(`status.${status}`)}
          </Badge>
        }
      >
        <div className="figures">
          <Figure label={t("col.qty")} value={num(demand.qty)} note={demand.id} />
          <Figure label={t("col.due")} value={month(demand.due)} />
          <Figure label={t("status.on-time")} value={num(demand.onTime, 0)} tone="ok" />
          <Figure
            label={t("status.late")}
            value={num(demand.late, 0)}
            tone={demand.late > 0 ? "bad" : undefined}
            note={demand.lastDelivery ? `${t("col.lastDelivery")}: ${month(demand.lastDelivery)}` : undefined}
          />
          <Figure label={t("status.short")} value={num(demand.short, 0)} tone={demand.short > 0 ? "severe" : undefined} />
        </div>
        <Chart
          option={option}
          label={t("chart.demandLabel", { item: names.item(demand.item), consumer: names.consumer(demand.consumer) })}
        />
        <p className="muted small">{t("chart.demandNote", { consumer: names.consumer(demand.consumer), item: names.item(demand.item) })}</p>
      </Section>
      <Section title={t("explain.title")} id="explanation">
        <Explanation explanation={demand.explanation} names={names} />
      </Section>
      <Section title={t("production.title")} id="production">
        <ProductionTable rows={productionRows(dataset, plan.production, demand.item, until)} until={until} />
      </Section>
    </>
  );
}

function BottleneckView({ plan, id, names }: { plan: PlanResult; id: string; names: Names }) {
  const { t, num, month, pct } = useI18n();
  const b = plan.bottlenecks.find((x) => x.supply === id);
  if (!b) return <NotFound id={id} />;
  const affected = affectedBy(plan, b.supply);
  return (
    <>
      <Section
        title={`#${num(b.rank)} ${b.itemName} — ${b.siteName}`}
        id="subject"
        actions={<Badge tone="warn">{t("overview.bindingMonths", { n: b.bindingMonths })}</Badge>}
      >
        <p>{t("bottleneck.text", { item: b.itemName, site: b.siteName, company: b.companyName, country: names.country(b.country) })}</p>
        <dl className="facts">
          <dt>{t("bottleneck.months")}</dt>
          <dd>
            <MonthRanges ranges={b.months} />
          </dd>
          <dt>{t("cause.value")}</dt>
          <dd>{num(b.value, 2)}</dd>
        </dl>
        <p className="links">
          <a href={formatRoute({ page: "network", item: b.item })}>{t("cause.seeChain")}</a>
        </p>
      </Section>
      {b.gain && (
        <Section title={t("bottleneck.gain", { pct: pct(b.gain.capacityIncrease, 0) })} id="gain">
          <div className="figures">
            <Figure label={t("bottleneck.units")} value={num(b.gain.units, 0)} />
            <Figure label={t("bottleneck.onTimeUnits")} value={num(b.gain.onTimeUnits, 0)} />
          </div>
          {b.gain.changes.length > 0 && (
            <div className="table-wrap">
              <table className="data">
                <thead>
                  <tr>
                    <th scope="col">{t("col.subject")}</th>
                    <th scope="col">{t("col.before")}</th>
                    <th scope="col">{t("col.after")}</th>
                    <th scope="col" className="num">
                      {t("col.monthsEarlier")}
                    </th>
                    <th scope="col" className="num">
                      {t("bottleneck.units")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {b.gain.changes.map((c, i) => {
                    const subject = c.target ? { kind: "target" as const, id: c.target } : { kind: "demand" as const, id: c.demand ?? "" };
                    const row =
                      subject.kind === "target"
                        ? plan.targets.find((x) => x.id === subject.id)
                        : plan.demands.find((x) => x.id === subject.id);
                    return (
                      <tr key={i}>
                        <td>
                          <a href={formatRoute({ page: "plan", subject })}>
                            {row ? `${names.item(row.item)} — ${names.consumer(row.consumer)}` : subject.id}
                          </a>
                          <span className="muted small block">{subject.id}</span>
                        </td>
                        <td>{month(c.before)}</td>
                        <td>{month(c.after)}</td>
                        <td className="num">{c.monthsEarlier === null ? "—" : num(c.monthsEarlier)}</td>
                        <td className="num">{num(c.units, 0)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </Section>
      )}
      <Section title={t("bottleneck.affected")} id="affected">
        {affected.length === 0 ? (
          <p className="muted">{t("bottleneck.noneAffected")}</p>
        ) : (
          <ul className="plain-list">
            {affected.map((a) => (
              <li key={`${a.kind}:${a.id}`}>
                <a href={formatRoute({ page: "plan", subject: { kind: a.kind, id: a.id } })}>
                  {names.item(a.item)} — {names.consumer(a.consumer)}
                </a>{" "}
                <span className="muted small">{a.id}</span>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}

/**
 * "Why is this late?" — the planner's explanation in words and as its chain of causes: binding
 * capacities, exhausted pools, lead times with their months, missing sources, competition, usage.
 */
import type { Cause, Explanation as ExplanationData, MonthRange } from "@paraat/core";
import { useI18n } from "../../i18n/I18n.js";
import type { Names } from "../../lib/names.js";
import { formatRoute } from "../../lib/route.js";

export function MonthRanges({ ranges }: { ranges: readonly MonthRange[] }) {
  const { month } = useI18n();
  return (
    <span className="month-ranges">
      {ranges.map((r, i) => (
        <span key={i} className="month-range">
          {r.from === r.to ? month(r.from) : `${month(r.from)} – ${month(r.to)}`}
        </span>
      ))}
    </span>
  );
}

const itemLink = (item: string) => formatRoute({ page: "network", item });

function CauseView({ cause, names }: { cause: Cause; names: Names }) {
  const { t, month, num } = useI18n();
  switch (cause.kind) {
    case "capacity":
      return (
        <>
          <h3>{t("cause.capacity")}</h3>
          <p>
            {t("cause.capacityText", {
              item: cause.itemName,
              site: cause.siteName,
              company: cause.companyName,
              country: names.country(cause.country),
            })}
          </p>
          <dl className="facts">
            <dt>{t("cause.binds")}</dt>
            <dd>
              <MonthRanges ranges={cause.months} />
            </dd>
            <dt>{t("cause.value")}</dt>
            <dd>{num(cause.value, 2)}</dd>
          </dl>
          <p className="links">
            <a href={formatRoute({ page: "plan", subject: { kind: "bottleneck", id: cause.supply } })}>{t("cause.seeBottleneck")}</a>
            <a href={itemLink(cause.item)}>{t("cause.seeChain")}</a>
          </p>
        </>
      );
    case "pool-exhausted":
      return (
        <>
          <h3>{t("cause.pool")}</h3>
          <p>{t("cause.poolText", { item: cause.itemName })}</p>
          <dl className="facts">
            <dt>{t("cause.empty")}</dt>
            <dd>
              <MonthRanges ranges={cause.months} />
            </dd>
          </dl>
          <p className="links">
            <a href={itemLink(cause.item)}>{t("cause.seeChain")}</a>
          </p>
        </>
      );
    case "lead-time":
      return (
        <>
          <h3>{t("cause.leadTime")}</h3>
          <p>{t("cause.leadTimeText", { item: cause.itemName, month: month(cause.earliest) })}</p>
          <div className="table-wrap">
            <table className="data compact">
              <thead>
                <tr>
                  <th scope="col">{t("col.step")}</th>
                  <th scope="col">{t("col.site")}</th>
                  <th scope="col" className="num">
                    {t("col.leadTime")}
                  </th>
                  <th scope="col">{t("col.start")}</th>
                  <th scope="col">{t("col.arrives")}</th>
                </tr>
              </thead>
              <tbody>
                {cause.path.map((s, i) => (
                  <tr key={i}>
                    <td>
                      <a href={itemLink(s.item)}>{s.itemName}</a>
                    </td>
                    <td>{names.site(s.site)}</td>
                    <td className="num">{t("unit.months", { n: s.leadTime })}</td>
                    <td>{month(s.start)}</td>
                    <td>{month(s.arrives)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      );
    case "no-source":
      return (
        <>
          <h3>{t("cause.noSource")}</h3>
          <p>
            {t("cause.noSourceText", { item: cause.itemName })} {t(`noSource.${cause.reason}`)}
          </p>
          {cause.via.length > 1 && (
            <p className="chain">
              {cause.via.map((id, i) => (
                <span key={i}>
                  {i > 0 && <span aria-hidden="true"> → </span>}
                  <a href={itemLink(id)}>{names.item(id)}</a>
                </span>
              ))}
            </p>
          )}
        </>
      );
    case "competition":
      return (
        <>
          <h3>{t("cause.competition")}</h3>
          <p>{t("cause.competitionText", { item: cause.itemName })}</p>
          <div className="table-wrap">
            <table className="data compact">
              <thead>
                <tr>
                  <th scope="col">{t("col.recipient")}</th>
                  <th scope="col">{t("col.consumer")}</th>
                  <th scope="col" className="num">
                    {t("col.priority")}
                  </th>
                  <th scope="col" className="num">
                    {t("col.qty")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {cause.recipients.map((r, i) => {
                  const subject = r.target
                    ? { kind: "target" as const, id: r.target }
                    : r.demand
                      ? { kind: "demand" as const, id: r.demand }
                      : null;
                  return (
                    <tr key={i}>
                      <td>{subject ? <a href={formatRoute({ page: "plan", subject })}>{subject.id}</a> : "—"}</td>
                      <td>{names.consumer(r.consumer)}</td>
                      <td className="num">{num(r.priority)}</td>
                      <td className="num">{num(r.qty, 0)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      );
    case "tie": {
      const rows = [...cause.before, ...cause.shared];
      return (
        <>
          <h3>{t("cause.tie")}</h3>
          {cause.before.length > 0 && <p>{t("cause.tieBefore", { item: cause.itemName })}</p>}
          {cause.shared.length > 0 && <p>{t("cause.tieShared", { item: cause.itemName, rule: t(`tie.${cause.rule}`) })}</p>}
          <div className="table-wrap">
            <table className="data compact">
              <thead>
                <tr>
                  <th scope="col">{t("col.recipient")}</th>
                  <th scope="col">{t("col.consumer")}</th>
                  <th scope="col">{t("col.due")}</th>
                  <th scope="col" className="num">
                    {t("col.qty")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.demand}>
                    <td>
                      <a href={formatRoute({ page: "plan", subject: { kind: "demand", id: r.demand } })}>{r.demand}</a>
                    </td>
                    <td>{names.consumer(r.consumer)}</td>
                    <td>{month(r.due)}</td>
                    <td className="num">{num(r.qty, 0)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      );
    }
    case "unmet-usage":
      return (
        <>
          <h3>{t("cause.usage")}</h3>
          <p>
            {t("cause.usageText", {
              consumer: names.consumer(cause.consumer),
              item: names.item(cause.item),
              usage: num(cause.usagePerPeriod),
              unmet: num(cause.unmet, 0),
            })}
          </p>
          <dl className="facts">
            <dt>{t("cause.uncovered")}</dt>
            <dd>
              <MonthRanges ranges={cause.months} />
            </dd>
          </dl>
        </>
      );
  }
}

export function Explanation({ explanation, names }: { explanation: ExplanationData | null; names: Names }) {
  const { t, lang } = useI18n();
  if (!explanation) return <p className="muted">{t("explain.none")}</p>;
  return (
    <div className="explanation">
      <blockquote className="summary" lang="en">
        {explanation.summary}
        {lang !== "en" && <span className="muted small block">{t("explain.englishNote")}</span>}
      </blockquote>
      {explanation.causes.length > 0 && (
        <ol className="causes" aria-label={t("explain.causes")}>
          {explanation.causes.map((c, i) => (
            <li key={i} className={`cause cause-${c.kind}`}>
              <CauseView cause={c} names={names} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/** The planned production behind a target or demand: totals per item, and every run on request. */
import { useState } from "react";
import { useI18n } from "../../i18n/I18n.js";
import { formatRoute } from "../../lib/route.js";
import { productionTotals, type ProductionRow } from "./plan-data.js";

const PAGE = 60;

export function ProductionTable({ rows, until }: { rows: ProductionRow[]; until: string | null }) {
  const { t, month, num, eur } = useI18n();
  const [shown, setShown] = useState(PAGE);
  const totals = productionTotals(rows);
  if (rows.length === 0) return <p className="muted">{t("production.none")}</p>;
  return (
    <>
      <p className="muted">{until ? t("production.scopeUntil", { month: month(until) }) : t("production.scope")}</p>
      <div className="table-wrap">
        <table className="data">
          <caption className="sr-only">{t("production.totals")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("col.item")}</th>
              <th scope="col" className="num">
                {t("col.qty")}
              </th>
              <th scope="col" className="num">
                {t("col.cost")}
              </th>
            </tr>
          </thead>
          <tbody>
            {totals.map((r) => (
              <tr key={r.item}>
                <th scope="row">
                  <a href={formatRoute({ page: "network", item: r.item })}>{r.itemName}</a>
                </th>
                <td className="num">{num(r.qty, 0)}</td>
                <td className="num">{eur(r.cost)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <details className="runs">
        <summary>{t("production.runs", { n: rows.length })}</summary>
        <div className="table-wrap">
          <table className="data compact">
            <thead>
              <tr>
                <th scope="col">{t("col.start")}</th>
                <th scope="col">{t("col.item")}</th>
                <th scope="col">{t("col.site")}</th>
                <th scope="col">{t("col.country")}</th>
                <th scope="col" className="num">
                  {t("col.leadTime")}
                </th>
                <th scope="col" className="num">
                  {t("col.qty")}
                </th>
                <th scope="col" className="num">
                  {t("col.cost")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, shown).map((r, i) => (
                <tr key={i}>
                  <td>{month(r.period)}</td>
                  <td>{r.itemName}</td>
                  <td>
                    {r.siteName} <span className="muted">({r.companyName})</span>
                  </td>
                  <td>{r.country}</td>
                  <td className="num">{t("unit.months", { n: r.leadTime })}</td>
                  <td className="num">{num(r.qty, 0)}</td>
                  <td className="num">{eur(r.cost)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {rows.length > shown && (
          <button type="button" onClick={() => setShown(shown + PAGE * 4)}>
            {t("common.showMore", { n: Math.min(PAGE * 4, rows.length - shown) })}
          </button>
        )}
      </details>
    </>
  );
}

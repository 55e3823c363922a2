/**
 * An item's chain down to raw materials with suppliers, sites and countries, coloured by bloc;
 * its exposure by bloc and country and its concentration figures; search by name or id.
 */
import { useId, useMemo, useState } from "react";
import type { Dataset, ItemRisk } from "@paraat/core";
import { useDataset, useRisk } from "../../api/resources.js";
import { useSession } from "../../app/session.js";
import { Chart } from "../../charts/Chart.js";
import { shareBarsOption } from "../../charts/exposure-chart.js";
import { blocBars, countryBars } from "../../charts/exposure-data.js";
import { BlocLegend, CountryTag } from "../../components/Blocs.js";
import { Badge, ErrorBox, Figure, Loading, Section } from "../../components/ui.js";
import { useI18n } from "../../i18n/I18n.js";
import { namesOf, type Names } from "../../lib/names.js";
import { formatRoute, type Route } from "../../lib/route.js";
import { chainBlocs, chainRows, searchItems, type ChainRow } from "./network-data.js";

type NetworkRoute = Extract<Route, { page: "network" }>;

export default function NetworkPage({ route }: { route: NetworkRoute }) {
  const { t } = useI18n();
  const session = useSession();
  const name = session.dataset!;
  const dataset = useDataset(name);
  const risk = useRisk(name, session.can("risk:read"));
  const names = useMemo(() => namesOf(dataset.data), [dataset.data]);
  const d = dataset.data;
  const item = route.item ?? d?.items.find((i) => i.kind === "end-item")?.id;

  return (
    <div className="page">
      <header className="page-head">
        <div>
          <h1>{t("network.title")}</h1>
          <p className="muted">{t("network.subtitle")}</p>
        </div>
      </header>
      {dataset.error ? <ErrorBox error={dataset.error} /> : null}
      {!d ? (
        !dataset.error && <Loading />
      ) : (
        <>
          <ItemSearch items={d.items} current={item} />
          {item && d.items.some((i) => i.id === item) ? (
            <ItemView dataset={d} item={item} risk={risk.data?.items.find((r) => r.id === item)} riskLoading={risk.loading} names={names} />
          ) : (
            item && <p className="note">{t("plan.notFound", { id: item })}</p>
          )}
        </>
      )}
    </div>
  );
}

function ItemSearch({ items, current }: { items: Dataset["items"]; current: string | undefined }) {
  const { t } = useI18n();
  const [query, setQuery] = useState("");
  const id = useId();
  const sorted = useMemo(() => {
    const rank = { "end-item": 0, component: 1, material: 2, "raw-material": 3 } as const;
    return [...items].sort((a, b) => rank[a.kind] - rank[b.kind] || a.name.localeCompare(b.name));
  }, [items]);
  const hits = searchItems(sorted, query, query ? 12 : 8);
  return (
    <div className="search panel" role="search">
      <label htmlFor={`${id}-q`}>{t("network.search")}</label>
      <input
        id={`${id}-q`}
        type="search"
        value={query}
        placeholder={t("network.searchPlaceholder")}
        onChange={(e) => setQuery(e.target.value)}
        aria-controls={`${id}-hits`}
      />
      <ul id={`${id}-hits`} className="chips" aria-label={t("network.results")}>
        {hits.map((i) => (
          <li key={i.id}>
            <a href={formatRoute({ page: "network", item: i.id })} aria-current={i.id === current ? "true" : undefined} className="chip">
              {i.name} <span className="muted small">{t(`kind.${i.kind}`)}</span>
            </a>
          </li>
        ))}
        {hits.length === 0 && <li className="muted">{t("network.noHits")}</li>}
      </ul>
    </div>
  );
}

function ItemView({
  dataset,
  item,
  risk,
  riskLoading,
  names,
}: {
  dataset: Dataset;
  item: string;
  risk: ItemRisk | undefined;
  riskLoading: boolean;
  names: Names;
}) {
  const { t, pct, num, eur } = useI18n();
  const rows = useMemo(() => chainRows(dataset, item), [dataset, item]);
  const blocs = chainBlocs(rows);
  const meta = dataset.items.find((i) => i.id === item)!;
  const bloc = useMemo(
    () => blocBars(risk?.exposure ?? { byCountry: {}, byBloc: { eu: 0, nato: 0, partner: 0, concern: 0, other: 0, unsourced: 0 } }),
    [risk],
  );
  const countries = useMemo(() => (risk ? countryBars(risk.exposure, names.bloc, 8) : []), [risk, names]);
  const blocOption = useMemo(
    () =>
      shareBarsOption(
        bloc,
        (k) => t(`bloc.${k as "eu"}`),
        (f) => pct(f),
      ),
    [bloc, t, pct],
  );
  const countryOption = useMemo(
    () =>
      shareBarsOption(
        countries,
        (k) => names.country(k),
        (f) => pct(f),
      ),
    [countries, names, pct],
  );
  const bandTone = (band: string | null) => (band === "high" ? "bad" : band === "moderate" ? "warn" : "ok");

  return (
    <>
      <Section title={meta.name} id="item" actions={<Badge tone="neutral">{t(`kind.${meta.kind}`)}</Badge>}>
        <p className="muted small">
          {meta.id} · {t("network.unitValue")} {eur(meta.unitValue)} / {meta.unit}
        </p>
        {riskLoading && <Loading />}
        {risk && (
          <div className="figures">
            <Figure label={t("network.euShare")} value={pct(risk.autonomy.eu)} />
            <Figure label={t("network.euNatoShare")} value={pct(risk.autonomy.euNato)} tone={risk.autonomy.euNato < 0.5 ? "warn" : "ok"} />
            <Figure
              label={t("network.concernShare")}
              value={pct(risk.exposure.byBloc.concern)}
              tone={risk.exposure.byBloc.concern > 0.01 ? "bad" : "ok"}
            />
            <Figure
              label={t("network.hhiCountry")}
              value={risk.hhiCountry === null ? "—" : num(Math.round(risk.hhiCountry))}
              tone={risk.hhiCountryBand ? bandTone(risk.hhiCountryBand) : undefined}
              note={risk.hhiCountryBand ? t(`hhi.${risk.hhiCountryBand}`) : t("network.noSources")}
            />
            <Figure
              label={t("network.hhiCompany")}
              value={risk.hhiCompany === null ? "—" : num(Math.round(risk.hhiCompany))}
              tone={risk.hhiCompanyBand ? bandTone(risk.hhiCompanyBand) : undefined}
              note={risk.hhiCompanyBand ? t(`hhi.${risk.hhiCompanyBand}`) : t("network.noSources")}
            />
            <Figure
              label={t("network.options")}
              value={num(risk.options)}
              tone={risk.singleSource.option || risk.singleSource.company ? "warn" : undefined}
              note={
                risk.singleSource.option
                  ? t("network.singleOption")
                  : risk.singleSource.company
                    ? t("network.singleCompany")
                    : risk.singleSource.country
                      ? t("network.singleCountry")
                      : t("network.multiSource")
              }
            />
            <Figure
              label={t("network.stockMonths")}
              value={risk.stockMonths === null ? "—" : num(risk.stockMonths, 1)}
              note={t("network.stockMonthsNote")}
            />
          </div>
        )}
      </Section>

      {risk && (
        <div className="two-col">
          <Section title={t("network.byBloc")} id="by-bloc">
            <Chart option={blocOption} height={Math.max(90, bloc.length * 34)} label={t("network.byBlocLabel", { item: meta.name })} />
            <BlocLegend withUnsourced />
          </Section>
          <Section title={t("network.byCountry")} id="by-country">
            {countries.length > 0 ? (
              <Chart
                option={countryOption}
                height={Math.max(90, countries.length * 30)}
                label={t("network.byCountryLabel", { item: meta.name })}
              />
            ) : (
              <p className="muted">{t("network.noSources")}</p>
            )}
          </Section>
        </div>
      )}

      <Section title={t("network.chain")} id="chain" actions={<BlocLegend />}>
        <p className="muted small">
          {blocs
            .filter((b) => b.sites > 0)
            .map((b) => t("network.blocSites", { bloc: t(`bloc.${b.bloc}`), n: b.sites, countries: b.countries.join(", ") }))
            .join(" · ")}
        </p>
        <ChainTable rows={rows} />
        <p className="muted small">{t("network.capacityNote")}</p>
      </Section>

      {risk && risk.paths.length > 0 && (
        <Section title={t("network.paths")} id="paths">
          <ul className="plain-list paths" lang="en">
            {risk.paths.map((p, i) => (
              <li key={i}>
                <CountryTag code={p.country} name={names.country(p.country)} bloc={names.bloc(p.country)} /> {p.text}
              </li>
            ))}
          </ul>
        </Section>
      )}
    </>
  );
}

const SOURCES_SHOWN = 5;

function Sources({ row }: { row: ChainRow }) {
  const { t, num, pct } = useI18n();
  const [all, setAll] = useState(false);
  // Largest capacity first: the options that matter most lead.
  const sources = [...row.sources].sort((a, b) => b.capacityLast - a.capacityLast || a.siteName.localeCompare(b.siteName));
  const shown = all ? sources : sources.slice(0, SOURCES_SHOWN);
  return (
    <ul className="sources">
      {row.sources.length === 0 && row.materialSourcing.length === 0 && (
        <li>
          <Badge tone="severe">{t("network.noSupply")}</Badge>
        </li>
      )}
      {shown.map((s) => (
        <li key={s.supply}>
          <CountryTag code={s.country} name={s.countryName} bloc={s.bloc} />
          <span className="source-site">
            {s.siteName} <span className="muted">({s.companyName})</span>
          </span>
          <span className="source-figures muted small">
            {t("network.sourceFigures", {
              lt: num(s.leadTime),
              cap: s.capacityFirst === s.capacityLast ? num(s.capacityFirst) : `${num(s.capacityFirst)} → ${num(s.capacityLast)}`,
            })}
          </span>
        </li>
      ))}
      {sources.length > SOURCES_SHOWN && (
        <li>
          <button type="button" className="link-button small" onClick={() => setAll(!all)} aria-expanded={all}>
            {all ? t("network.fewerSources") : t("network.moreSources", { n: sources.length - SOURCES_SHOWN })}
          </button>
        </li>
      )}
      {row.materialSourcing.length > 0 && (
        <li className="muted small">
          {t("network.euSourcing")}{" "}
          {row.materialSourcing.slice(0, 6).map((m) => (
            <span key={m.country} className="share">
              <CountryTag code={m.country} name={m.countryName} bloc={m.bloc} /> {pct(m.share, 0)}
            </span>
          ))}
        </li>
      )}
    </ul>
  );
}

function ChainTable({ rows }: { rows: ChainRow[] }) {
  const { t, num } = useI18n();
  return (
    <div className="table-wrap">
      <table className="data chain">
        <thead>
          <tr>
            <th scope="col">{t("col.item")}</th>
            <th scope="col" className="num">
              {t("network.perUnit")}
            </th>
            <th scope="col">{t("network.sources")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className={r.depth === 0 ? "chain-root" : undefined}>
              <th scope="row" style={{ paddingLeft: `${0.65 + r.depth * 1.1}rem` }}>
                {r.depth > 0 && (
                  <span className="tree-mark" aria-hidden="true">
                    └
                  </span>
                )}
                <a href={formatRoute({ page: "network", item: r.item })}>{r.name}</a>
                <span className="muted small block">
                  {t(`kind.${r.kind}`)}
                  {r.poolStock > 0 && ` · ${t("network.poolStock", { qty: num(r.poolStock, 0) })}`}
                  {r.cycle && ` · ${t("network.cycle")}`}
                </span>
              </th>
              <td className="num">
                {num(r.qtyPerUnit, 3)} {r.unit}
              </td>
              <td>
                <Sources row={r} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

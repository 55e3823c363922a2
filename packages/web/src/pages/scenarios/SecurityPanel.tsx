/**
 * Supply security: the probability that each target is met by its month under random outages
 * (with its 95% interval as a bar, the month it is met as a histogram, the events behind the
 * misses), and each node's time to survive as a ranked bar chart.
 */
import { useState } from "react";
import type { Dataset, MonteCarloSummary } from "@paraat/core";
import { runAnalysis } from "../../api/analysis.js";
import { api, type SurviveResult } from "../../api/endpoints.js";
import { useSession } from "../../app/session.js";
import { ErrorBox, ProgressBar, Section } from "../../components/ui.js";
import { useI18n } from "../../i18n/I18n.js";
import { exampleEvents } from "./scenario-form.js";

function Bar({ value, lo, hi, label }: { value: number; lo?: number; hi?: number; label: string }) {
  return (
    <div className="prob-bar" role="img" aria-label={label}>
      {lo !== undefined && hi !== undefined && <span className="prob-ci" style={{ left: `${lo * 100}%`, width: `${(hi - lo) * 100}%` }} />}
      <span className="prob-fill" style={{ width: `${value * 100}%` }} />
    </div>
  );
}

export function SecurityPanel({ dataset }: { dataset: Dataset }) {
  const { t, pct, month } = useI18n();
  const session = useSession();
  const [events, setEvents] = useState(() => JSON.stringify(exampleEvents(dataset), null, 2));
  const [runs, setRuns] = useState("200");
  const [seed, setSeed] = useState("1");
  const [progress, setProgress] = useState<{ f: number; m: string } | null>(null);
  const [mc, setMc] = useState<MonteCarloSummary | null>(null);
  const [survive, setSurvive] = useState<SurviveResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const canRun = session.can("scenario:run");

  const go = async <T,>(work: () => Promise<T>, done: (r: T) => void) => {
    setError(null);
    setProgress({ f: 0, m: "" });
    try {
      done(await work());
    } catch (e) {
      setError(e);
    } finally {
      setProgress(null);
    }
  };
  const runMonteCarlo = () => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(events);
    } catch (e) {
      setError(e);
      return;
    }
    void go(
      () =>
        runAnalysis(
          () => api.monteCarlo(dataset.name, { events: parsed, runs: Number(runs), seed: Number(seed) }),
          (f, m) => setProgress({ f, m }),
        ),
      setMc,
    );
  };
  const runSurvive = () =>
    void go(
      () =>
        runAnalysis(
          () => api.survive(dataset.name, {}),
          (f, m) => setProgress({ f, m }),
        ),
      setSurvive,
    );
  const longest = survive ? Math.max(1, ...survive.nodes.map((n) => n.horizonMonths)) : 1;

  return (
    <>
      <Section title={t("security.title")} id="montecarlo">
        <p className="muted">{t("security.explain")}</p>
        <label className="block">
          {t("security.events")}
          <textarea id="events" rows={10} value={events} onChange={(e) => setEvents(e.target.value)} spellCheck={false} />
        </label>
        <div className="form-grid">
          <label>
            {t("security.runs")}
            <input id="mc-runs" inputMode="numeric" value={runs} onChange={(e) => setRuns(e.target.value)} />
          </label>
          <label>
            {t("security.seed")}
            <input id="mc-seed" inputMode="numeric" value={seed} onChange={(e) => setSeed(e.target.value)} />
          </label>
        </div>
        {canRun && (
          <div className="actions">
            <button type="button" id="run-montecarlo" onClick={runMonteCarlo} disabled={progress !== null}>
              {t("security.run")}
            </button>
            <button type="button" id="run-survive" onClick={runSurvive} disabled={progress !== null}>
              {t("security.runSurvive")}
            </button>
          </div>
        )}
        {progress && <ProgressBar value={progress.f} label={progress.m || t("scenarios.planning")} />}
        {error ? <ErrorBox error={error} /> : null}
      </Section>
      {mc && (
        <Section title={t("security.targets", { runs: mc.runs, seed: mc.seed })} id="mc-targets">
          {mc.targets.map((tg) => {
            const most = Math.max(1, ...tg.distribution.map((b) => b.runs));
            return (
              <div className="mc-target" key={tg.id}>
                <h3>{tg.id}</h3>
                <p>{t("security.probability", { p: pct(tg.probability, 1), lo: pct(tg.ci[0], 1), hi: pct(tg.ci[1], 1) })}</p>
                <Bar value={tg.probability} lo={tg.ci[0]} hi={tg.ci[1]} label={pct(tg.probability, 1)} />
                <p className="muted">
                  {t("security.metAt", { p10: month(tg.metAt.p10), p50: month(tg.metAt.p50), p90: month(tg.metAt.p90) })}
                </p>
                <div className="histogram" aria-label={t("security.histogram")}>
                  {tg.distribution.map((b) => (
                    <div
                      key={b.month ?? "never"}
                      className="histogram-bar"
                      title={`${b.month ? month(b.month) : t("target.never")}: ${b.runs}`}
                    >
                      <span style={{ height: `${(b.runs / most) * 100}%` }} />
                      <small>{b.month ? month(b.month) : t("target.never")}</small>
                    </div>
                  ))}
                </div>
                {tg.causes.length > 0 && (
                  <p>
                    {t("security.causes")}{" "}
                    {tg.causes
                      .slice(0, 4)
                      .map((c) => `${c.event} (${pct(c.missShare, 0)})`)
                      .join(", ")}
                  </p>
                )}
              </div>
            );
          })}
        </Section>
      )}
      {survive && (
        <Section title={t("security.surviveTitle", { from: month(survive.from) })} id="survive">
          <ol className="survive-list">
            {survive.nodes.slice(0, 30).map((n) => (
              <li key={`${n.kind}:${n.node}`}>
                <span className="survive-name">{`${n.node} (${t(`scenarios.group.${n.kind}`)})`}</span>
                <Bar value={n.timeToSurvive / longest} label={`${n.timeToSurvive}`} />
                <span className="num">{t("security.months", { n: n.timeToSurvive })}</span>
              </li>
            ))}
          </ol>
        </Section>
      )}
    </>
  );
}

/** The base and the chosen scenarios side by side: when each target is met, what each demand lacks, cost and autonomy; differences coloured. */
import { useState } from "react";
import type { Dataset, ScenarioComparison } from "@paraat/core";
import { runAnalysis } from "../../api/analysis.js";
import { api } from "../../api/endpoints.js";
import { useScenarios } from "../../api/resources.js";
import { useSession } from "../../app/session.js";
import { ErrorBox, ProgressBar, Section } from "../../components/ui.js";
import { useI18n } from "../../i18n/I18n.js";
import { demandRows, targetRows, type CompareRow } from "./scenario-form.js";

function Diff({ value, unit }: { value: number | null; unit: string }) {
  if (value === null || Math.abs(value) < 1e-9) return null;
  return <span className="diff">{` (${value > 0 ? "+" : ""}${Math.round(value * 100) / 100} ${unit})`}</span>;
}

function CompareTable({ id, rows, names, unit, never }: { id: string; rows: CompareRow[]; names: string[]; unit: string; never: string }) {
  return (
    <div className="table-wrap">
      <table className="data compact" id={id}>
        <thead>
          <tr>
            <th scope="col" />
            {names.map((n) => (
              <th scope="col" key={n}>
                {n}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">{r.id}</th>
              {r.cells.map((c) => (
                <td key={c.scenario} className={c.worse ? "worse" : c.better ? "better" : undefined}>
                  {c.value ?? never}
                  <Diff value={c.diff} unit={unit} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ComparePanel({ dataset }: { dataset: Dataset }) {
  const { t, num, pct } = useI18n();
  const session = useSession();
  const list = useScenarios(dataset.name);
  const [chosen, setChosen] = useState<string[] | null>(null);
  const names = chosen ?? list.data?.map((s) => s.name) ?? [];
  const [progress, setProgress] = useState<{ f: number; m: string } | null>(null);
  const [result, setResult] = useState<ScenarioComparison | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = async () => {
    setError(null);
    setResult(null);
    setProgress({ f: 0, m: "" });
    try {
      setResult(
        await runAnalysis(
          () => api.compare(dataset.name, { scenarios: names }),
          (f, m) => setProgress({ f, m }),
        ),
      );
    } catch (e) {
      setError(e);
    } finally {
      setProgress(null);
    }
  };
  const scenarioNames = result?.scenarios.map((s) => s.name) ?? [];
  return (
    <>
      <Section title={t("scenarios.compareTitle")} id="compare">
        <fieldset className="checks">
          <legend>{t("scenarios.choose")}</legend>
          {(list.data ?? []).map((s) => (
            <label key={s.name}>
              <input
                type="checkbox"
                checked={names.includes(s.name)}
                onChange={(e) => setChosen(e.target.checked ? [...names, s.name] : names.filter((n) => n !== s.name))}
              />
              {s.name}
            </label>
          ))}
        </fieldset>
        {session.can("scenario:run") && (
          <button type="button" id="run-compare" onClick={() => void run()} disabled={progress !== null}>
            {t("scenarios.runCompare")}
          </button>
        )}
        {progress && <ProgressBar value={progress.f} label={progress.m || t("scenarios.planning")} />}
        {error ? <ErrorBox error={error} /> : null}
      </Section>
      {result && (
        <>
          <Section title={t("scenarios.summary")} id="compare-summary">
            <div className="table-wrap">
              <table className="data compact" id="compare-scenarios">
                <thead>
                  <tr>
                    <th scope="col">{t("scenarios.name")}</th>
                    <th scope="col" className="num">
                      {t("scenarios.cost")}
                    </th>
                    <th scope="col" className="num">
                      {t("scenarios.autonomyEu")}
                    </th>
                    <th scope="col" className="num">
                      {t("scenarios.autonomyEuNato")}
                    </th>
                    <th scope="col">{t("scenarios.bottlenecks")}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.scenarios.map((s) => (
                    <tr key={s.name}>
                      <th scope="row">{s.name}</th>
                      <td className="num">
                        {num(s.cost, 0)}
                        <Diff value={s.diff?.cost ?? null} unit="EUR" />
                      </td>
                      <td className="num">{s.autonomy.eu === null ? "—" : pct(s.autonomy.eu, 1)}</td>
                      <td className="num">{s.autonomy.euNato === null ? "—" : pct(s.autonomy.euNato, 1)}</td>
                      <td>{s.bottlenecks.map((b) => b.supply).join(", ")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Section>
          <Section title={t("scenarios.targetsMet")} id="compare-targets">
            <CompareTable
              id="compare-target-table"
              rows={targetRows(result)}
              names={scenarioNames}
              unit={t("scenarios.monthsUnit")}
              never={t("target.never")}
            />
          </Section>
          <Section title={t("scenarios.demandsShort")} id="compare-demands">
            <CompareTable id="compare-demand-table" rows={demandRows(result)} names={scenarioNames} unit="" never="—" />
          </Section>
        </>
      )}
    </>
  );
}

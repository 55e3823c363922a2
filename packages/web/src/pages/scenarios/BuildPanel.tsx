/** The stored scenarios, and a form that builds one change at a time with pickers; saving shows the server's problems in place. */
import { useState } from "react";
import type { Dataset } from "@paraat/core";
import { ApiError } from "../../api/client.js";
import { api } from "../../api/endpoints.js";
import { scenariosChanged, useScenarios } from "../../api/resources.js";
import { useSession } from "../../app/session.js";
import { ErrorBox, Loading, Section } from "../../components/ui.js";
import { useI18n } from "../../i18n/I18n.js";
import { formatRoute } from "../../lib/route.js";
import { changeOf, emptyChange, nodeOptions, type ChangeForm, type ChangeKind } from "./scenario-form.js";

export function BuildPanel({ dataset, selected }: { dataset: Dataset; selected?: string }) {
  const { t, month } = useI18n();
  const session = useSession();
  const name = dataset.name;
  const list = useScenarios(name);
  const canWrite = session.can("scenario:write");
  const stored = list.data?.find((s) => s.name === selected);
  const [draft, setDraft] = useState<{ name: string; description: string; changes: Record<string, unknown>[] } | null>(null);
  const current = draft ?? {
    name: stored?.name ?? "",
    description: stored?.scenario.description ?? "",
    changes: (stored?.scenario.changes ?? []) as unknown as Record<string, unknown>[],
  };
  const [form, setForm] = useState<ChangeForm>(emptyChange(dataset.horizon.start));
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const nodes = nodeOptions(dataset);
  const set = (patch: Partial<ChangeForm>) => setForm({ ...form, ...patch });
  const edit = (patch: Partial<typeof current>) => setDraft({ ...current, ...patch });

  const save = async () => {
    setError(null);
    setSaved(null);
    try {
      const scenario = {
        format: "paraat-scenario",
        version: 1,
        name: current.name,
        ...(current.description ? { description: current.description } : {}),
        changes: current.changes,
      };
      await api.putScenario(name, scenario);
      scenariosChanged(name);
      setSaved(current.name);
      setDraft(null);
      window.location.replace(formatRoute({ page: "scenarios", tab: "build", scenario: current.name }));
    } catch (e) {
      setError(e);
    }
  };
  const remove = async (scenario: string) => {
    try {
      await api.deleteScenario(name, scenario);
      scenariosChanged(name);
      setDraft(null);
      window.location.replace(formatRoute({ page: "scenarios", tab: "build" }));
    } catch (e) {
      setError(e);
    }
  };
  /** The server's problems with change k: the route's (field "changes[k]…") or the dataset check's (change k). */
  const problemsOf = (k: number): string[] => {
    if (!(error instanceof ApiError)) return [];
    const issues = (error.body.details as { issues?: { change?: number; field: string; message: string }[] } | undefined)?.issues ?? [];
    return issues
      .filter((i) => i.change === k || new RegExp(`(^|\\.)changes\\[${k}\\]`).test(i.field))
      .map((i) => `${i.field.replace(/^body\./, "")}: ${i.message}`);
  };
  return (
    <>
      <Section title={t("scenarios.stored")} id="stored">
        {list.error ? <ErrorBox error={list.error} /> : null}
        {!list.data ? (
          <Loading />
        ) : list.data.length === 0 ? (
          <p className="muted">{t("scenarios.none")}</p>
        ) : (
          <div className="table-wrap">
            <table className="data" id="scenario-list">
              <thead>
                <tr>
                  <th scope="col">{t("scenarios.name")}</th>
                  <th scope="col" className="num">
                    {t("scenarios.changes")}
                  </th>
                  <th scope="col">{t("scenarios.description")}</th>
                  <th scope="col">{t("scenarios.by")}</th>
                  <th scope="col" />
                </tr>
              </thead>
              <tbody>
                {list.data.map((s) => (
                  <tr key={s.name} aria-current={s.name === selected ? "true" : undefined}>
                    <td>
                      <a href={formatRoute({ page: "scenarios", tab: "build", scenario: s.name })} onClick={() => setDraft(null)}>
                        {s.name}
                      </a>
                    </td>
                    <td className="num">{s.scenario.changes.length}</td>
                    <td>{s.scenario.description ?? ""}</td>
                    <td>{`${s.updatedBy} · ${s.updatedAt.slice(0, 10)}`}</td>
                    <td>
                      {canWrite && (
                        <button type="button" className="link-button" onClick={() => void remove(s.name)}>
                          {t("scenarios.delete")}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>
      <Section title={stored ? t("scenarios.editing", { name: stored.name }) : t("scenarios.new")} id="builder">
        <div className="form-grid">
          <label>
            {t("scenarios.name")}
            <input id="scenario-name" value={current.name} disabled={!canWrite} onChange={(e) => edit({ name: e.target.value })} />
          </label>
          <label>
            {t("scenarios.description")}
            <input value={current.description} disabled={!canWrite} onChange={(e) => edit({ description: e.target.value })} />
          </label>
        </div>
        <ol className="changes" id="scenario-changes">
          {current.changes.map((c, k) => (
            <li key={k}>
              <code>{JSON.stringify(c)}</code>
              {canWrite && (
                <button type="button" className="link-button" onClick={() => edit({ changes: current.changes.filter((_, j) => j !== k) })}>
                  {t("scenarios.remove")}
                </button>
              )}
              {problemsOf(k).map((p) => (
                <p key={p} className="field-error" role="alert">
                  {p}
                </p>
              ))}
            </li>
          ))}
        </ol>
        {canWrite && (
          <fieldset className="change-form">
            <legend>{t("scenarios.addChange")}</legend>
            <div className="form-grid">
              <label>
                {t("scenarios.kind")}
                <select id="change-kind" value={form.kind} onChange={(e) => set({ kind: e.target.value as ChangeKind })}>
                  {(["outage", "capacity", "priority"] as const).map((k) => (
                    <option key={k} value={k}>
                      {t(`scenarios.kind.${k}`)}
                    </option>
                  ))}
                </select>
              </label>
              {form.kind === "outage" && (
                <>
                  <label>
                    {t("scenarios.node")}
                    <select id="change-node" value={form.node} onChange={(e) => set({ node: e.target.value })}>
                      <option value="">—</option>
                      {(["site", "company", "country"] as const).map((g) => (
                        <optgroup key={g} label={t(`scenarios.group.${g}`)}>
                          {nodes
                            .filter((n) => n.group === g)
                            .map((n) => (
                              <option key={`${g}:${n.value}`} value={n.value}>
                                {n.label}
                              </option>
                            ))}
                        </optgroup>
                      ))}
                    </select>
                  </label>
                  <label>
                    {t("scenarios.item")}
                    <select value={form.item} onChange={(e) => set({ item: e.target.value })}>
                      <option value="">{t("scenarios.allItems")}</option>
                      {dataset.items.map((i) => (
                        <option key={i.id} value={i.id}>
                          {i.name}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label>
                    {t("scenarios.months")}
                    <input
                      id="change-months"
                      inputMode="numeric"
                      value={form.months}
                      placeholder={t("scenarios.forGood")}
                      onChange={(e) => set({ months: e.target.value })}
                    />
                  </label>
                  <label>
                    {t("scenarios.share")}
                    <input inputMode="decimal" value={form.share} placeholder="1" onChange={(e) => set({ share: e.target.value })} />
                  </label>
                </>
              )}
              {form.kind === "capacity" && (
                <>
                  <label>
                    {t("scenarios.supply")}
                    <select id="change-supply" value={form.supply} onChange={(e) => set({ supply: e.target.value })}>
                      <option value="">—</option>
                      {dataset.supply.map((s) => (
                        <option key={s.id} value={s.id}>
                          {s.id}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label>
                    {t("scenarios.to")}
                    <input type="month" value={form.to} onChange={(e) => set({ to: e.target.value })} />
                  </label>
                  <label>
                    {t("scenarios.factor")}
                    <input id="change-factor" inputMode="decimal" value={form.factor} onChange={(e) => set({ factor: e.target.value })} />
                  </label>
                </>
              )}
              {form.kind === "priority" && (
                <>
                  <label>
                    {t("scenarios.consumer")}
                    <select value={form.consumer} onChange={(e) => set({ consumer: e.target.value })}>
                      <option value="">—</option>
                      {dataset.consumers.map((c) => (
                        <option key={c.id} value={c.id}>
                          {c.name}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label>
                    {t("scenarios.priority")}
                    <input inputMode="numeric" value={form.priority} onChange={(e) => set({ priority: e.target.value })} />
                  </label>
                </>
              )}
              {form.kind !== "priority" && (
                <label>
                  {t("scenarios.from")}
                  <input id="change-from" type="month" value={form.from} onChange={(e) => set({ from: e.target.value })} />
                  <span className="muted">{month(form.from)}</span>
                </label>
              )}
            </div>
            <button type="button" id="add-change" onClick={() => edit({ changes: [...current.changes, changeOf(form)] })}>
              {t("scenarios.add")}
            </button>
          </fieldset>
        )}
        {error ? <ErrorBox error={error} title={t("scenarios.notSaved")} /> : null}
        {saved && (
          <p className="note" role="status">
            {t("scenarios.saved", { name: saved })}
          </p>
        )}
        {canWrite && (
          <button type="button" id="save-scenario" onClick={() => void save()} disabled={current.name.trim() === ""}>
            {t("scenarios.save")}
          </button>
        )}
      </Section>
    </>
  );
}

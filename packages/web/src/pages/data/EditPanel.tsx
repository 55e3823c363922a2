/**
 * Edit single rows of any collection: pick a collection, find a row, change it in a form (or as
 * JSON), save. The server re-validates the whole dataset; its issues are shown on the fields.
 */
import { useMemo, useState } from "react";
import type { EntityName } from "@paraat/core";
import { useDataset } from "../../api/resources.js";
import { useSession } from "../../app/session.js";
import { ErrorBox, Loading, Section } from "../../components/ui.js";
import { useI18n } from "../../i18n/I18n.js";
import { formatRoute } from "../../lib/route.js";
import { entityList, rowKey } from "./entity-fields.js";
import { EntityEditor } from "./EntityEditor.js";

const PAGE = 50;

function label(row: Record<string, unknown>): string {
  for (const f of ["name", "title"]) if (typeof row[f] === "string") return row[f];
  return "";
}

export function EditPanel({ entity: entityParam, rowKey: keyParam }: { entity?: string; rowKey?: string }) {
  const { t, num } = useI18n();
  const session = useSession();
  const name = session.dataset;
  const dataset = useDataset(name);
  const entity: EntityName = (entityList as readonly string[]).includes(entityParam ?? "") ? (entityParam as EntityName) : "items";
  const [filter, setFilter] = useState("");
  const [limit, setLimit] = useState(PAGE);
  const [creating, setCreating] = useState(false);
  const rows = useMemo(() => (dataset.data ? (dataset.data[entity] as unknown as Record<string, unknown>[]) : []), [dataset.data, entity]);
  const filtered = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return q ? rows.filter((r) => JSON.stringify(r).toLowerCase().includes(q)) : rows;
  }, [rows, filter]);
  const selected = keyParam === undefined ? undefined : rows.find((r) => rowKey(entity, r) === keyParam);
  const canWrite = session.can("dataset:write");

  if (!name) return <p className="muted">{t("app.noDataset")}</p>;
  if (dataset.error) return <ErrorBox error={dataset.error} />;
  if (!dataset.data) return <Loading />;

  const go = (e: EntityName, key?: string) => {
    setCreating(false);
    window.location.hash = formatRoute({ page: "data", tab: "edit", entity: e, ...(key !== undefined ? { key } : {}) });
  };

  return (
    <div className="edit-layout">
      <Section title={t("edit.rows")} id="rows">
        <div className="form-row">
          <label>
            <span>{t("edit.collection")}</span>
            <select
              value={entity}
              onChange={(e) => {
                setFilter("");
                setLimit(PAGE);
                go(e.target.value as EntityName);
              }}
            >
              {entityList.map((e) => (
                <option key={e} value={e}>
                  {`${t(`entity.${e}`)} (${num(dataset.data![e].length)})`}
                </option>
              ))}
            </select>
          </label>
          <label className="grow">
            <span>{t("edit.filter")}</span>
            <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
          </label>
        </div>
        {canWrite && (
          <button type="button" onClick={() => setCreating(true)}>
            {t("edit.new")}
          </button>
        )}
        <div className="table-wrap row-list">
          <table className="data compact">
            <thead>
              <tr>
                <th scope="col">{t("edit.key")}</th>
                <th scope="col">{t("edit.label")}</th>
              </tr>
            </thead>
            <tbody>
              {filtered.slice(0, limit).map((r) => {
                const key = rowKey(entity, r);
                return (
                  <tr key={key} aria-selected={key === keyParam && !creating}>
                    <th scope="row">
                      <a href={formatRoute({ page: "data", tab: "edit", entity, key })} onClick={() => setCreating(false)}>
                        {key}
                      </a>
                    </th>
                    <td>{label(r)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {filtered.length > limit && (
          <button type="button" onClick={() => setLimit(limit + PAGE * 4)}>
            {t("common.showMore", { n: Math.min(PAGE * 4, filtered.length - limit) })}
          </button>
        )}
      </Section>
      <div>
        {creating ? (
          <EntityEditor
            key={`new:${entity}`}
            dataset={name}
            entity={entity}
            row={null}
            readOnly={!canWrite}
            onSaved={(key) => go(entity, key)}
          />
        ) : selected ? (
          <EntityEditor
            key={`${entity}:${keyParam}`}
            dataset={name}
            entity={entity}
            row={selected}
            readOnly={!canWrite}
            onSaved={(key) => go(entity, key)}
            onDeleted={() => go(entity)}
          />
        ) : (
          <p className="muted panel">{keyParam ? t("plan.notFound", { id: keyParam }) : t("edit.pick")}</p>
        )}
      </div>
    </div>
  );
}

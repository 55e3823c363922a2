/** The audit log (admins): who changed what, when, before → after. Read-only by design. */
import { useCallback, useEffect, useState } from "react";
import { api } from "../../api/endpoints.js";
import type { AuditEntry } from "../../api/types.js";
import { useSession } from "../../app/session.js";
import { ErrorBox, Loading, Section } from "../../components/ui.js";
import { useI18n } from "../../i18n/I18n.js";
import { brief, changedFields } from "./audit-diff.js";

const LIMIT = 50;

export function AuditPanel() {
  const { t, dateTime } = useI18n();
  const { dataset } = useSession();
  const [onlyThis, setOnlyThis] = useState(true);
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(
    (before?: AuditEntry) => {
      setError(null);
      api
        .audit({ dataset: onlyThis && dataset ? dataset : undefined, limit: LIMIT, before: before ? String(before.id) : undefined })
        .then((r) => {
          const list = Array.isArray(r) ? r : r.entries;
          setEntries((prev) => (before && prev ? [...prev, ...list] : list));
          setMore(list.length === LIMIT);
        }, setError);
    },
    [dataset, onlyThis],
  );
  useEffect(() => load(), [load]);

  return (
    <Section
      title={t("audit.title")}
      id="audit"
      actions={
        dataset ? (
          <label className="check">
            <input type="checkbox" checked={onlyThis} onChange={(e) => setOnlyThis(e.target.checked)} />{" "}
            {t("audit.onlyDataset", { dataset })}
          </label>
        ) : undefined
      }
    >
      <p className="muted">{t("audit.intro")}</p>
      {error ? <ErrorBox error={error} /> : null}
      {!entries && !error && <Loading />}
      {entries && entries.length === 0 && <p className="muted">{t("audit.empty")}</p>}
      {entries && entries.length > 0 && (
        <div className="table-wrap">
          <table className="data compact audit">
            <thead>
              <tr>
                <th scope="col">{t("audit.at")}</th>
                <th scope="col">{t("audit.actor")}</th>
                <th scope="col">{t("audit.action")}</th>
                <th scope="col">{t("audit.subject")}</th>
                <th scope="col">{t("audit.change")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => {
                const changes = changedFields(e.before, e.after);
                return (
                  <tr key={String(e.id)}>
                    <td className="nowrap">{dateTime(e.at)}</td>
                    <td>{e.actor}</td>
                    <td>
                      <code>{e.action}</code>
                    </td>
                    <td>{[e.dataset, e.entity, e.key].filter(Boolean).join(" / ")}</td>
                    <td>
                      {changes.length === 0 ? (
                        "—"
                      ) : (
                        <ul className="plain-list small">
                          {changes.slice(0, 6).map((c) => (
                            <li key={c.field}>
                              {c.field && <code>{c.field}</code>} {brief(c.before, 40)} → {brief(c.after, 40)}
                            </li>
                          ))}
                          {changes.length > 6 && <li className="muted">{t("audit.moreFields", { n: changes.length - 6 })}</li>}
                        </ul>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {more && entries && (
        <button type="button" onClick={() => load(entries[entries.length - 1])}>
          {t("audit.older")}
        </button>
      )}
    </Section>
  );
}

/** Validation issues as a table: where (sheet, row, column or path), what, found and expected. */
import type { ValidationIssue } from "@paraat/core";
import { useI18n } from "../i18n/I18n.js";

function found(value: unknown): string {
  if (value === undefined) return "—";
  if (typeof value === "string") return JSON.stringify(value);
  try {
    const s = JSON.stringify(value);
    return s.length > 60 ? `${s.slice(0, 57)}…` : s;
  } catch {
    return "…";
  }
}

export function IssueTable({ issues, limit = 500 }: { issues: readonly ValidationIssue[]; limit?: number }) {
  const { t, num } = useI18n();
  const located = issues.some((i) => i.location?.sheet || i.location?.row !== undefined);
  const shown = issues.slice(0, limit);
  return (
    <div className="table-wrap">
      <table className="issues">
        <caption>{t("issues.caption", { n: issues.length })}</caption>
        <thead>
          <tr>
            {located ? (
              <>
                <th scope="col">{t("issues.sheet")}</th>
                <th scope="col" className="num">
                  {t("issues.row")}
                </th>
                <th scope="col">{t("issues.column")}</th>
              </>
            ) : (
              <th scope="col">{t("issues.where")}</th>
            )}
            <th scope="col">{t("issues.entity")}</th>
            <th scope="col">{t("issues.field")}</th>
            <th scope="col">{t("issues.problem")}</th>
            <th scope="col">{t("issues.found")}</th>
            <th scope="col">{t("issues.expected")}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((i, n) => (
            <tr key={n}>
              {located ? (
                <>
                  <td>{i.location?.sheet ?? "—"}</td>
                  <td className="num">{i.location?.row !== undefined ? num(i.location.row) : "—"}</td>
                  <td>{i.location?.column ?? "—"}</td>
                </>
              ) : (
                <td>
                  <code>{i.location?.path ?? (i.index !== undefined ? `${i.entity}[${i.index}]` : i.entity)}</code>
                </td>
              )}
              <td>
                {i.entity}
                {i.id ? <span className="muted"> {i.id}</span> : null}
              </td>
              <td>
                <code>{i.field}</code>
              </td>
              <td>{i.message}</td>
              <td>
                <code>{found(i.value)}</code>
              </td>
              <td>{i.expected}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {issues.length > shown.length && <p className="muted">{t("issues.more", { n: issues.length - shown.length })}</p>}
    </div>
  );
}

/** Import a workbook or JSON file; every problem is listed by sheet, row and column and nothing is written. */
import { useId, useState, type FormEvent } from "react";
import { ApiError } from "../../api/client.js";
import { api } from "../../api/endpoints.js";
import { datasetChanged } from "../../api/resources.js";
import { issuesOf, type DatasetInfo } from "../../api/types.js";
import { useSession } from "../../app/session.js";
import { IssueTable } from "../../components/IssueTable.js";
import { ErrorBox, Section } from "../../components/ui.js";
import { useI18n } from "../../i18n/I18n.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function ImportPanel() {
  const { t, num } = useI18n();
  const session = useSession();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState("");
  const [replace, setReplace] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<DatasetInfo | null>(null);
  const [error, setError] = useState<unknown>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setDone(null);
    setError(null);
    try {
      const bytes = await file.arrayBuffer();
      const json = file.name.toLowerCase().endsWith(".json");
      const info = await api.importDataset(bytes, json ? "application/json" : XLSX, {
        name: name.trim() || undefined,
        replace: replace || undefined,
        filename: file.name,
      });
      datasetChanged(info.name);
      session.reloadDatasets();
      setDone(info);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const issues = error instanceof ApiError ? issuesOf(error.body) : [];
  const total = done ? Object.values(done.counts).reduce((a, b) => a + b, 0) : 0;

  return (
    <Section title={t("import.title")} id="import">
      <p className="muted">{t("import.intro")}</p>
      <form className="form-grid" onSubmit={(e) => void submit(e)}>
        <label htmlFor={`${id}-file`}>{t("import.file")}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".xlsx,.json,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          required
        />
        <label htmlFor={`${id}-name`}>{t("import.name")}</label>
        <div>
          <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} aria-describedby={`${id}-name-hint`} />
          <p id={`${id}-name-hint`} className="hint">
            {t("import.nameHint")}
          </p>
        </div>
        <span />
        <label className="check">
          <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} /> {t("import.replace")}
        </label>
        <span />
        <div>
          <button type="submit" className="primary" disabled={!file || busy}>
            {busy ? t("import.busy") : t("import.submit")}
          </button>
        </div>
      </form>
      {done && (
        <p className="success" role="status">
          {t("import.done", { dataset: done.name, rows: num(total) })}
        </p>
      )}
      {error !== null &&
        (issues.length > 0 ? (
          <div className="error-box" role="alert" data-testid="import-errors">
            <p className="error-title">
              <strong>{t("import.failed", { n: issues.length })}</strong> <code>{(error as ApiError).code}</code>
            </p>
            <p>{t("import.nothingWritten")}</p>
            <IssueTable issues={issues} />
          </div>
        ) : (
          <>
            <ErrorBox error={error} />
            {error instanceof ApiError && error.code === "CONFLICT" && <p className="hint">{t("import.conflictHint")}</p>}
          </>
        ))}
    </Section>
  );
}

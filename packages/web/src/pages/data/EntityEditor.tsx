/** The row editor: a field per column of the collection (or the whole row as JSON), with the form's and the server's errors on each field. */
import { useId, useState, type FormEvent } from "react";
import type { EntityName, ValidationIssue } from "@paraat/core";
import { ApiError } from "../../api/client.js";
import { api } from "../../api/endpoints.js";
import { datasetChanged } from "../../api/resources.js";
import { issuesOf, type EntityChange } from "../../api/types.js";
import { IssueTable } from "../../components/IssueTable.js";
import { ErrorBox, Section } from "../../components/ui.js";
import { useI18n } from "../../i18n/I18n.js";
import { changedFields, brief } from "./audit-diff.js";
import { fieldsOf, rowKey, rowToValues, topField, valuesToRow, type FieldError, type FieldSpec, type FormValues } from "./entity-fields.js";

interface Props {
  dataset: string;
  entity: EntityName;
  /** null: a new row. */
  row: Record<string, unknown> | null;
  readOnly: boolean;
  onSaved: (key: string) => void;
  onDeleted?: () => void;
}

export function EntityEditor({ dataset, entity, row, readOnly, onSaved, onDeleted }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [values, setValues] = useState<FormValues>(() => rowToValues(entity, row ?? {}));
  const [mode, setMode] = useState<"fields" | "json">("fields");
  const [json, setJson] = useState("");
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [formErrors, setFormErrors] = useState<FieldError[]>([]);
  const [serverError, setServerError] = useState<unknown>(null);
  const [change, setChange] = useState<EntityChange | null>(null);
  const [busy, setBusy] = useState(false);
  const originalKey = row ? rowKey(entity, row) : null;
  const fields = fieldsOf(entity);
  const serverIssues: ValidationIssue[] = serverError instanceof ApiError ? issuesOf(serverError.body) : [];
  const issuesByField = new Map<string, ValidationIssue[]>();
  for (const i of serverIssues) {
    const f = topField(i.field);
    issuesByField.set(f, [...(issuesByField.get(f) ?? []), i]);
  }

  const toJson = () => {
    const { row: r } = valuesToRow(entity, values);
    setJson(JSON.stringify(r, null, 2));
    setJsonError(null);
    setMode("json");
  };
  const fromJson = (): Record<string, unknown> | null => {
    try {
      const parsed = JSON.parse(json) as unknown;
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error(t("edit.jsonObject"));
      setJsonError(null);
      return parsed as Record<string, unknown>;
    } catch (e) {
      setJsonError(e instanceof Error ? e.message : String(e));
      return null;
    }
  };
  const toFields = () => {
    const parsed = fromJson();
    if (!parsed) return;
    setValues(rowToValues(entity, parsed));
    setMode("fields");
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setServerError(null);
    setChange(null);
    let out: Record<string, unknown>;
    if (mode === "json") {
      const parsed = fromJson();
      if (!parsed) return;
      out = parsed;
      setFormErrors([]);
    } else {
      const { row: r, errors } = valuesToRow(entity, values);
      setFormErrors(errors);
      if (errors.length > 0) return;
      out = r;
    }
    setBusy(true);
    try {
      const result =
        originalKey === null ? await api.postEntity(dataset, entity, out) : await api.putEntity(dataset, entity, originalKey, out);
      setChange(result);
      datasetChanged(dataset);
      onSaved(rowKey(entity, out));
    } catch (err) {
      setServerError(err);
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (originalKey === null || !window.confirm(t("edit.confirmDelete", { key: originalKey }))) return;
    setBusy(true);
    setServerError(null);
    try {
      await api.deleteEntity(dataset, entity, originalKey);
      datasetChanged(dataset);
      onDeleted?.();
    } catch (err) {
      setServerError(err);
    } finally {
      setBusy(false);
    }
  };

  const title = originalKey === null ? t("edit.newTitle", { entity: t(`entity.${entity}`) }) : `${t(`entity.${entity}`)}: ${originalKey}`;

  return (
    <Section
      title={title}
      id="editor"
      actions={
        <div className="segmented" role="group" aria-label={t("edit.mode")}>
          <button type="button" aria-pressed={mode === "fields"} onClick={() => mode === "json" && toFields()}>
            {t("edit.fields")}
          </button>
          <button type="button" aria-pressed={mode === "json"} onClick={() => mode === "fields" && toJson()}>
            JSON
          </button>
        </div>
      }
    >
      {readOnly && <p className="note">{t("edit.readOnly")}</p>}
      <form onSubmit={(e) => void save(e)} noValidate>
        <fieldset disabled={readOnly || busy} className="editor-fields">
          <legend className="sr-only">{title}</legend>
          {mode === "fields" ? (
            fields.map(([name, spec]) => (
              <Field
                key={name}
                id={`${id}-${name}`}
                name={name}
                spec={spec}
                value={values[name] ?? ""}
                locked={spec.key === true && originalKey !== null}
                formError={formErrors.find((f) => f.field === name)}
                issues={issuesByField.get(name) ?? []}
                onChange={(v) => setValues({ ...values, [name]: v })}
              />
            ))
          ) : (
            <div className="field">
              <label htmlFor={`${id}-json`}>{t("edit.json")}</label>
              <textarea
                id={`${id}-json`}
                className="code"
                rows={18}
                value={json}
                onChange={(e) => setJson(e.target.value)}
                aria-invalid={jsonError !== null}
                aria-describedby={jsonError ? `${id}-json-err` : undefined}
              />
              {jsonError && (
                <p id={`${id}-json-err`} className="field-error">
                  {jsonError}
                </p>
              )}
            </div>
          )}
        </fieldset>
        {formErrors.length > 0 && (
          <p className="form-error" role="alert">
            {t("edit.fixFields", { n: formErrors.length })}
          </p>
        )}
        {!readOnly && (
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              {busy ? t("edit.saving") : t("edit.save")}
            </button>
            {originalKey !== null && onDeleted && (
              <button type="button" className="danger" onClick={() => void remove()} disabled={busy}>
                {t("edit.delete")}
              </button>
            )}
          </div>
        )}
      </form>
      {serverError !== null &&
        (serverIssues.length > 0 ? (
          <div className="error-box" role="alert">
            <p className="error-title">
              <strong>{t("edit.rejected", { n: serverIssues.length })}</strong> <code>{(serverError as ApiError).code}</code>
            </p>
            <IssueTable issues={serverIssues} />
          </div>
        ) : (
          <ErrorBox error={serverError} />
        ))}
      {change && (
        <div className="success" role="status">
          <p>{t("edit.saved")}</p>
          <ul className="plain-list small">
            {changedFields(change.before, change.after).map((c) => (
              <li key={c.field}>
                <code>{c.field}</code>: {brief(c.before)} → {brief(c.after)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </Section>
  );
}

function Field(props: {
  id: string;
  name: string;
  spec: FieldSpec;
  value: string;
  locked: boolean;
  formError: FieldError | undefined;
  issues: ValidationIssue[];
  onChange: (v: string) => void;
}) {
  const { t } = useI18n();
  const { id, name, spec, value, locked, formError, issues, onChange } = props;
  const invalid = formError !== undefined || issues.length > 0;
  const describedBy = [invalid ? `${id}-err` : "", `${id}-hint`].filter(Boolean).join(" ");
  const common = { id, "aria-invalid": invalid, "aria-describedby": describedBy, disabled: locked };
  let input;
  switch (spec.type) {
    case "boolean":
      input = (
        <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
          {!spec.required && <option value="">—</option>}
          {spec.required && value === "" && <option value="">{t("edit.choose")}</option>}
          <option value="true">{t("common.yes")}</option>
          <option value="false">{t("common.no")}</option>
        </select>
      );
      break;
    case "enum":
      input = (
        <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
          {value === "" && <option value="">{t("edit.choose")}</option>}
          {spec.options?.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      );
      break;
    case "json":
      input = (
        <textarea
          {...common}
          className="code"
          rows={Math.min(10, Math.max(3, value.split("\n").length))}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      );
      break;
    case "text":
    case "number":
    case "integer":
    case "month":
    case "country":
    case "list":
      input = (
        <input
          {...common}
          value={value}
          inputMode={spec.type === "number" || spec.type === "integer" ? "decimal" : undefined}
          placeholder={spec.type === "month" ? "YYYY-MM" : spec.type === "country" ? "NL" : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      );
  }
  return (
    <div className={`field field-${spec.type}`}>
      <label htmlFor={id}>
        {name}
        {spec.required && (
          <span className="required" aria-label={t("edit.required")}>
            {" "}
            *
          </span>
        )}
      </label>
      {input}
      <p id={`${id}-hint`} className="hint">
        {t(`fieldType.${spec.type}`)}
      </p>
      {invalid && (
        <div id={`${id}-err`} className="field-error">
          {formError && <p>{t(formError.message)}</p>}
          {issues.map((i, n) => (
            <p key={n}>
              {i.field !== name && <code>{i.field}: </code>}
              {i.message}
              {i.expected !== i.message && (
                <span className="muted">
                  {" "}
                  ({t("issues.expected")}: {i.expected})
                </span>
              )}
            </p>
          ))}
        </div>
      )}
    </div>
  );
}

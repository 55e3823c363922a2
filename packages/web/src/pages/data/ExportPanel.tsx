/** Download the dataset as JSON, an Excel workbook, or CSV files in a zip. */
import { api } from "../../api/endpoints.js";
import { useSession } from "../../app/session.js";
import { Section } from "../../components/ui.js";
import { useI18n } from "../../i18n/I18n.js";

export function ExportPanel() {
  const { t } = useI18n();
  const { dataset } = useSession();
  if (!dataset) return <p className="muted">{t("app.noDataset")}</p>;
  const formats = [
    { format: "xlsx", file: `${dataset}.xlsx` },
    { format: "json", file: `${dataset}.json` },
    { format: "csv", file: `${dataset}-csv.zip` },
  ] as const;
  return (
    <Section title={t("export.title")} id="export">
      <p className="muted">{t("export.intro")}</p>
      <ul className="export-list">
        {formats.map((f) => (
          <li key={f.format}>
            <a className="button" href={api.exportUrl(dataset, f.format)} download={f.file}>
              {t(`export.${f.format}`)}
            </a>
            <span className="muted small">{t(`export.${f.format}Note`)}</span>
          </li>
        ))}
      </ul>
    </Section>
  );
}

/** Data: import a workbook or JSON, export, edit single rows, and (admins) the audit log. */
import { useSession } from "../../app/session.js";
import { useI18n } from "../../i18n/I18n.js";
import { can, dataTabNeeds } from "../../lib/access.js";
import { dataTabs, formatRoute, type Route } from "../../lib/route.js";
import { AuditPanel } from "./AuditPanel.js";
import { EditPanel } from "./EditPanel.js";
import { ExportPanel } from "./ExportPanel.js";
import { ImportPanel } from "./ImportPanel.js";

type DataRoute = Extract<Route, { page: "data" }>;

export default function DataPage({ route }: { route: DataRoute }) {
  const { t } = useI18n();
  const session = useSession();
  const allowed = (tab: (typeof dataTabs)[number]) => can(session.me.permissions, dataTabNeeds[tab]);
  // Without the right for the tab asked for, show the first one allowed.
  const tab = allowed(route.tab) ? route.tab : (dataTabs.find(allowed) ?? "export");

  return (
    <div className="page">
      <header className="page-head">
        <div>
          <h1>{t("data.title")}</h1>
          <p className="muted">{session.dataset ? t("data.subtitle", { dataset: session.dataset }) : t("app.noDataset")}</p>
        </div>
      </header>
      <nav className="tabs" aria-label={t("data.tabs")}>
        {dataTabs.map((k) =>
          allowed(k) ? (
            <a key={k} href={formatRoute({ page: "data", tab: k })} aria-current={tab === k ? "page" : undefined}>
              {t(`data.tab.${k}`)}
            </a>
          ) : (
            <span key={k} className="tab-disabled" aria-disabled="true" title={t("data.notAllowed")}>
              {t(`data.tab.${k}`)}
            </span>
          ),
        )}
      </nav>
      {tab === "import" && <ImportPanel />}
      {tab === "export" && <ExportPanel />}
      {tab === "edit" && <EditPanel entity={route.entity} rowKey={route.key} />}
      {tab === "audit" && <AuditPanel />}
    </div>
  );
}

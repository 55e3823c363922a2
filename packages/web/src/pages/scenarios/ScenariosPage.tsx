/**
 * Scenarios: build and store what-if scenarios (a form with pickers for nodes, supplies and
 * months; the server's problems shown by change and field), compare them with the base side by
 * side, and put a probability on every target under random outages (Monte Carlo) with the time
 * each node can be lost before the plan changes.
 */
import { useMemo } from "react";
import { useDataset } from "../../api/resources.js";
import { useSession } from "../../app/session.js";
import { ErrorBox, Loading } from "../../components/ui.js";
import { useI18n } from "../../i18n/I18n.js";
import { formatRoute, scenarioTabs, type Route } from "../../lib/route.js";
import { BuildPanel } from "./BuildPanel.js";
import { ComparePanel } from "./ComparePanel.js";
import { SecurityPanel } from "./SecurityPanel.js";

type ScenariosRoute = Extract<Route, { page: "scenarios" }>;

export default function ScenariosPage({ route }: { route: ScenariosRoute }) {
  const { t } = useI18n();
  const session = useSession();
  const name = session.dataset!;
  const dataset = useDataset(name);
  const tabs = useMemo(() => scenarioTabs, []);
  return (
    <div className="page">
      <header className="page-head">
        <div>
          <h1>{t("scenarios.title")}</h1>
          <p className="muted">{t("scenarios.subtitle")}</p>
        </div>
      </header>
      <nav className="tabs" aria-label={t("scenarios.title")}>
        {tabs.map((tab) => (
          <a key={tab} href={formatRoute({ page: "scenarios", tab })} aria-current={route.tab === tab ? "page" : undefined}>
            {t(`scenarios.tab.${tab}`)}
          </a>
        ))}
      </nav>
      {dataset.error ? <ErrorBox error={dataset.error} /> : null}
      {!dataset.data ? (
        <Loading />
      ) : (
        <>
          {route.tab === "build" && <BuildPanel dataset={dataset.data} selected={route.scenario} />}
          {route.tab === "compare" && <ComparePanel dataset={dataset.data} />}
          {route.tab === "security" && <SecurityPanel dataset={dataset.data} />}
        </>
      )}
    </div>
  );
}

/** The signed-in layout: header with navigation, dataset, language and user; the current page below. */
import { lazy, Suspense, useEffect, useRef } from "react";
import { Loading } from "../components/ui.js";
import { useI18n } from "../i18n/I18n.js";
import { visiblePages, pageNeeds } from "../lib/access.js";
import { formatRoute, pages, type Page, type Route } from "../lib/route.js";
import { LanguageSwitch } from "./LanguageSwitch.js";
import OverviewPage from "../pages/overview/OverviewPage.js";
import { useSession } from "./session.js";
import { useRoute } from "./use-route.js";

// The overview is where everyone lands, so it is in the first bundle (it draws no chart); every other
// page is its own chunk, loaded when first visited, so the first load stays small.
const PlanPage = lazy(() => import("../pages/plan/PlanPage.js"));
const NetworkPage = lazy(() => import("../pages/network/NetworkPage.js"));
const RiskPage = lazy(() => import("../pages/risk/RiskPage.js"));
const DataPage = lazy(() => import("../pages/data/DataPage.js"));
const ScenariosPage = lazy(() => import("../pages/scenarios/ScenariosPage.js"));

const home: Record<Page, Route> = {
  overview: { page: "overview" },
  plan: { page: "plan" },
  network: { page: "network" },
  risk: { page: "risk", query: {} },
  scenarios: { page: "scenarios", tab: "build" },
  data: { page: "data", tab: "import" },
};

export function Shell() {
  const { t } = useI18n();
  const session = useSession();
  const route = useRoute();
  const allowed = visiblePages(session.me.permissions, pages);
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  // Move focus to the page on navigation so keyboard and screen-reader users start at its top.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [route.page]);

  useEffect(() => {
    document.title = `${t(`nav.${route.page}`)} · ${t("app.name")}`;
  }, [route.page, t]);

  const { user } = session.me;
  const permitted = session.can(pageNeeds[route.page]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main" onClick={(e) => (e.preventDefault(), main.current?.focus())}>
        {t("app.skip")}
      </a>
      <header className="topbar">
        <div className="topbar-row">
          <a className="brand" href="#/overview">
            <span className="brand-mark" aria-hidden="true">
              P
            </span>
            <span>{t("app.name")}</span>
          </a>
          <nav aria-label={t("nav.label")} className="mainnav">
            <ul>
              {allowed.map((p) => (
                <li key={p}>
                  <a href={formatRoute(home[p])} aria-current={route.page === p ? "page" : undefined}>
                    {t(`nav.${p}`)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <div className="session">
            {session.datasets.length > 0 && (
              <label className="dataset-picker">
                <span className="sr-only">{t("app.dataset")}</span>
                <select value={session.dataset ?? ""} onChange={(e) => session.setDataset(e.target.value)} title={t("app.dataset")}>
                  {session.datasets.map((d) => (
                    <option key={d.name} value={d.name}>
                      {d.name}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <LanguageSwitch />
            <span className="user" title={user.username}>
              <span className="user-name">{user.displayName || user.username}</span>
              <span className={`role role-${user.role}`}>{t(`role.${user.role}`)}</span>
            </span>
            <button type="button" className="link-button" onClick={session.signOut}>
              {t("app.signOut")}
            </button>
          </div>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {!permitted ? (
          <p className="note" role="alert">
            {t("app.noPermission")}
          </p>
        ) : session.dataset === null && route.page !== "data" ? (
          <div className="empty">
            <h1>{t("app.noDataset")}</h1>
            <p>{session.can("dataset:write") ? t("app.noDatasetImport") : t("app.noDatasetAsk")}</p>
            {session.can("dataset:write") && <a href="#/data/import">{t("nav.data")}</a>}
          </div>
        ) : (
          <Suspense fallback={<Loading />}>
            {route.page === "overview" && <OverviewPage />}
            {route.page === "plan" && <PlanPage route={route} />}
            {route.page === "network" && <NetworkPage route={route} />}
            {route.page === "risk" && <RiskPage route={route} />}
            {route.page === "scenarios" && <ScenariosPage route={route} />}
            {route.page === "data" && <DataPage route={route} />}
          </Suspense>
        )}
      </main>
    </div>
  );
}

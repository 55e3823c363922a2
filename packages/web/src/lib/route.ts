/**
 * The app's routes live in the URL hash ("#/plan/target/nl-155-nato-norm"), so every view can be
 * bookmarked and the server needs no routing of its own. Parsing and formatting are pure.
 */
export const dataTabs = ["import", "export", "edit", "audit"] as const;
export type DataTab = (typeof dataTabs)[number];
export const scenarioTabs = ["build", "compare", "security"] as const;
export type ScenarioTab = (typeof scenarioTabs)[number];
export const planSubjects = ["target", "demand", "bottleneck"] as const;
export type PlanSubject = (typeof planSubjects)[number];

export type Route =
  | { page: "overview" }
  | { page: "plan"; subject?: { kind: PlanSubject; id: string } }
  | { page: "network"; item?: string }
  | { page: "risk"; finding?: string; query: Record<string, string> }
  | { page: "scenarios"; tab: ScenarioTab; scenario?: string }
  | { page: "data"; tab: DataTab; entity?: string; key?: string };

export type Page = Route["page"];
export const pages: readonly Page[] = ["overview", "plan", "network", "risk", "scenarios", "data"];

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, "");
  const [path = "", search = ""] = raw.split("?", 2);
  const parts = path
    .split("/")
    .filter((p) => p !== "")
    .map(decode);
  const query: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(search)) query[k] = v;
  const [page, a, b, c] = parts;
  switch (page) {
    case "plan":
      if (a && b && (planSubjects as readonly string[]).includes(a)) return { page: "plan", subject: { kind: a as PlanSubject, id: b } };
      return { page: "plan" };
    case "network":
      return a ? { page: "network", item: a } : { page: "network" };
    case "risk":
      return a ? { page: "risk", finding: a, query } : { page: "risk", query };
    case "scenarios": {
      const tab = a && (scenarioTabs as readonly string[]).includes(a) ? (a as ScenarioTab) : "build";
      return tab === "build" && b ? { page: "scenarios", tab, scenario: b } : { page: "scenarios", tab };
    }
    case "data": {
      const tab = a && (dataTabs as readonly string[]).includes(a) ? (a as DataTab) : "import";
      const route: Route = { page: "data", tab };
      if (tab === "edit" && b) route.entity = b;
      if (tab === "edit" && b && c) route.key = c;
      return route;
    }
    case undefined:
    default:
      return { page: "overview" };
  }
}

const enc = encodeURIComponent;

export function formatRoute(route: Route): string {
  switch (route.page) {
    case "overview":
      return "#/overview";
    case "plan":
      return route.subject ? `#/plan/${route.subject.kind}/${enc(route.subject.id)}` : "#/plan";
    case "network":
      return route.item ? `#/network/${enc(route.item)}` : "#/network";
    case "risk": {
      const qs = new URLSearchParams(Object.entries(route.query).filter(([, v]) => v !== "")).toString();
      return `#/risk${route.finding ? `/${enc(route.finding)}` : ""}${qs ? `?${qs}` : ""}`;
    }
    case "scenarios":
      return `#/scenarios/${route.tab}${route.tab === "build" && route.scenario ? `/${enc(route.scenario)}` : ""}`;
    case "data": {
      let path = `#/data/${route.tab}`;
      if (route.tab === "edit" && route.entity) path += `/${enc(route.entity)}${route.key ? `/${enc(route.key)}` : ""}`;
      return path;
    }
  }
}

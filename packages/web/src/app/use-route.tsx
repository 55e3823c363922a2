/** The current hash route, updated on navigation (a .tsx file: it reads the browser location). */
import { useSyncExternalStore } from "react";
import { parseRoute, type Route } from "../lib/route.js";

function subscribe(listener: () => void): () => void {
  window.addEventListener("hashchange", listener);
  return () => window.removeEventListener("hashchange", listener);
}

const hash = (): string => window.location.hash;

export function useRoute(): Route {
  return parseRoute(useSyncExternalStore(subscribe, hash));
}

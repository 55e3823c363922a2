/**
 * A small shared cache for GET requests: pages that need the same resource (the dataset, the risk
 * result) share one request, and a change invalidates by key prefix so every page refetches.
 */
import { useCallback, useEffect, useSyncExternalStore } from "react";

interface Entry {
  promise?: Promise<unknown>;
  /** Invalidated: the data is kept on screen while it is fetched again. */
  stale?: boolean;
  data?: unknown;
  error?: unknown;
  /** Bumped on every settle or invalidation, so subscribers re-render. */
  version: number;
}

const entries = new Map<string, Entry>();
const listeners = new Set<() => void>();
let generation = 0;

function notify(): void {
  generation++;
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function load(key: string, loader: () => Promise<unknown>): void {
  const entry = entries.get(key) ?? { version: 0 };
  entries.set(key, entry);
  if (entry.promise) return;
  const promise = loader().then(
    (data) => {
      if (entries.get(key) !== entry || entry.promise !== promise) return;
      entry.data = data;
      entry.error = undefined;
      entry.stale = false;
      entry.version++;
      notify();
    },
    (error: unknown) => {
      if (entries.get(key) !== entry || entry.promise !== promise) return;
      entry.error = error;
      entry.promise = undefined;
      entry.stale = false;
      entry.version++;
      notify();
    },
  );
  entry.promise = promise;
}

/**
 * Marks every cached entry whose key starts with the prefix as stale: pages showing it keep showing
 * it and load it again (so a form stays put after a save). `drop` forgets them instead (sign-out).
 */
export function invalidate(prefix: string, options: { drop?: boolean } = {}): void {
  for (const [key, entry] of [...entries.entries()]) {
    if (!key.startsWith(prefix)) continue;
    if (options.drop || entry.data === undefined) entries.delete(key);
    else {
      entry.stale = true;
      entry.promise = undefined;
      entry.version++;
    }
  }
  notify();
}

/** Seeds the cache with a value obtained some other way (a job's result, say). */
export function prime(key: string, data: unknown): void {
  entries.set(key, { data, version: 1, promise: Promise.resolve(data) });
  notify();
}

export interface Query<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/** The cached value of `key`, loading it with `loader` if needed; `key` null means "not yet". */
export function useQuery<T>(key: string | null, loader: () => Promise<T>): Query<T> {
  useSyncExternalStore(subscribe, () => generation);
  // After every render: load what is missing (first use, or invalidated since). The loader is keyed:
  // the same key shares the cached request, so a new loader function each render costs nothing.
  useEffect(() => {
    const entry = key === null ? undefined : entries.get(key);
    if (key !== null && (entry === undefined || (entry.stale && !entry.promise))) load(key, loader);
  });
  const reload = useCallback(() => {
    if (key === null) return;
    entries.delete(key);
    load(key, loader);
    notify();
  }, [key, loader]);
  const entry = key === null ? undefined : entries.get(key);
  return {
    data: entry?.data as T | undefined,
    error: entry?.error,
    loading: key !== null && (entry === undefined || (entry.data === undefined && entry.error === undefined)),
    reload,
  };
}

/**
 * Datasets as last loaded, and results derived from them (summary, risk, plans), keyed by the
 * dataset's stamp: its revision, which every write moves on and which is never reused, not even by
 * a deleted and re-created dataset. Each read checks the stamp with one small query, so a change
 * made anywhere (another process, the CLI) is seen at once; unchanged datasets are not loaded or
 * analysed again. Concurrent requests for the same thing share one load or computation.
 *
 * The dataset is loaded after its stamp is read, so what is cached under a stamp is that state or,
 * if a write slipped in between, a newer one — never an older one: a newer write has a higher
 * revision, so a stale entry is never asked for again.
 */
import { ParaatError, type Dataset } from "@paraat/core";
import type { Store } from "@paraat/store";

export interface Snapshot {
  name: string;
  /** The dataset's revision, in decimal. */
  stamp: string;
  dataset: Dataset;
}

/** A small map that forgets the least recently used entry beyond its size. */
export class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly size: number) {}

  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }

  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.size) this.map.delete(this.map.keys().next().value!);
  }

  delete(key: string): void {
    this.map.delete(key);
  }

  deleteWhere(test: (key: string) => boolean): void {
    for (const k of [...this.map.keys()]) if (test(k)) this.map.delete(k);
  }
}

export class Snapshots {
  private readonly loaded = new Lru<Promise<Snapshot>>(4);
  private readonly derived = new Lru<Promise<unknown>>(64);

  constructor(private readonly store: Store) {}

  /** The dataset's current stamp (its revision); NOT_FOUND (listing what exists) when there is no such dataset. */
  async stamp(name: string): Promise<string> {
    const revision = await this.store.datasetRevision(name);
    if (revision === undefined) await this.store.resolveDatasetName(name); // throws NOT_FOUND with the list
    if (revision === undefined) throw new ParaatError("NOT_FOUND", `no dataset named "${name}"`);
    return String(revision);
  }

  async get(name: string): Promise<Snapshot> {
    const stamp = await this.stamp(name);
    return this.at(name, stamp);
  }

  /** The snapshot at a known stamp (loading it if needed). */
  at(name: string, stamp: string): Promise<Snapshot> {
    const key = `${name}\u0000${stamp}`;
    let p = this.loaded.get(key);
    if (p === undefined) {
      p = this.store.loadDataset(name).then((dataset) => ({ name, stamp, dataset }));
      this.loaded.set(key, p);
      p.catch(() => this.loaded.delete(key));
    }
    return p;
  }

  /**
   * A value derived from the dataset at its current stamp: computed once per (kind, key, stamp).
   * Returns the stamp too, so callers can tell which state it describes.
   */
  async derive<T>(name: string, kind: string, key: string, compute: (s: Snapshot) => T | Promise<T>): Promise<{ stamp: string; value: T }> {
    const stamp = await this.stamp(name);
    return { stamp, value: await this.deriveAt(name, stamp, kind, key, compute) };
  }

  deriveAt<T>(name: string, stamp: string, kind: string, key: string, compute: (s: Snapshot) => T | Promise<T>): Promise<T> {
    const k = this.derivedKey(name, stamp, kind, key);
    let p = this.derived.get(k) as Promise<T> | undefined;
    if (p === undefined) {
      p = this.at(name, stamp).then(compute);
      this.derived.set(k, p);
      p.catch(() => this.derived.delete(k));
    }
    return p;
  }

  /** A derived value already computed (or being computed) at the current stamp, without starting one. */
  async peek<T>(name: string, kind: string, key: string): Promise<{ stamp: string; value: Promise<T> | undefined }> {
    const stamp = await this.stamp(name);
    return { stamp, value: this.derived.get(this.derivedKey(name, stamp, kind, key)) as Promise<T> | undefined };
  }

  /** Stores a value computed elsewhere (a job) for the stamp it was computed at. */
  put(name: string, stamp: string, kind: string, key: string, value: unknown): void {
    this.derived.set(this.derivedKey(name, stamp, kind, key), Promise.resolve(value));
  }

  /** Forgets everything about a dataset (after a change made through the services). */
  forget(name: string): void {
    const prefix = `${name}\u0000`;
    this.loaded.deleteWhere((k) => k.startsWith(prefix));
    this.derived.deleteWhere((k) => k.startsWith(prefix));
  }

  private derivedKey(name: string, stamp: string, kind: string, key: string): string {
    return `${name}\u0000${stamp}\u0000${kind}\u0000${key}`;
  }
}

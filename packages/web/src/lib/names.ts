/** Human names for the ids results carry, looked up in the dataset; an unknown id is shown as itself. Pure. */
import type { Bloc, Dataset } from "@paraat/core";
import { blocOfCountry } from "../pages/network/network-data.js";

export interface Names {
  item: (id: string) => string;
  consumer: (id: string) => string;
  site: (id: string) => string;
  company: (id: string) => string;
  country: (code: string) => string;
  bloc: (code: string) => Bloc;
  /** Any subject of a finding: an item, company, country or other id. */
  any: (id: string) => string;
  isItem: (id: string) => boolean;
}

export function namesOf(d: Pick<Dataset, "items" | "consumers" | "sites" | "companies" | "countries"> | undefined): Names {
  const map = <T>(rows: readonly T[] | undefined, key: (r: T) => string, name: (r: T) => string) =>
    new Map((rows ?? []).map((r) => [key(r), name(r)]));
  const items = map(
    d?.items,
    (r) => r.id,
    (r) => r.name,
  );
  const consumers = map(
    d?.consumers,
    (r) => r.id,
    (r) => r.name,
  );
  const sites = map(
    d?.sites,
    (r) => r.id,
    (r) => r.name,
  );
  const companies = map(
    d?.companies,
    (r) => r.id,
    (r) => r.name,
  );
  const countries = map(
    d?.countries,
    (r) => r.code,
    (r) => r.name,
  );
  const countryRows = new Map((d?.countries ?? []).map((c) => [c.code, c]));
  const look = (m: Map<string, string>) => (id: string) => m.get(id) ?? id;
  return {
    item: look(items),
    consumer: look(consumers),
    site: look(sites),
    company: look(companies),
    country: look(countries),
    bloc: (code) => blocOfCountry(countryRows.get(code)),
    any: (id) => items.get(id) ?? companies.get(id) ?? countries.get(id) ?? consumers.get(id) ?? sites.get(id) ?? id,
    isItem: (id) => items.has(id),
  };
}

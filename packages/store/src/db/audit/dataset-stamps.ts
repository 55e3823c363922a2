/**
 * When each dataset last changed (its updated_at), without counting rows as listDatasets does:
 * the services key their caches of plans and risk on it and check it on every read.
 */
import type { Store } from "../../store.js";
import { dbAccess } from "../accounts/access.js";
import type { Database } from "../database.js";

/** The dataset's updated_at, or undefined when there is no such dataset. */
export async function datasetStamp(store: Store, name: string): Promise<string | undefined> {
  const access = dbAccess<Database>(store);
  return access.run(`reading the state of dataset "${name}"`, async () => {
    const row = await access.db.selectFrom("datasets").select("updated_at").where("name", "=", name).executeTakeFirst();
    return row?.updated_at;
  });
}

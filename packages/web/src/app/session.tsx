/** Who is signed in, what they may do, and which dataset they are looking at. */
import { createContext, useContext, type ReactNode } from "react";
import type { DatasetInfo, Me, Permission } from "../api/types.js";

export interface Session {
  me: Me;
  can: (p: Permission) => boolean;
  datasets: DatasetInfo[];
  /** The dataset every page shows; null when there is none yet. */
  dataset: string | null;
  setDataset: (name: string) => void;
  /** After an import or a delete. */
  reloadDatasets: () => void;
  signOut: () => void;
}

const Context = createContext<Session | null>(null);

export function SessionProvider({ value, children }: { value: Session; children: ReactNode }) {
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useSession(): Session {
  const v = useContext(Context);
  if (!v) throw new Error("useSession outside SessionProvider");
  return v;
}

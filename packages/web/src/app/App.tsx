/** Signs the user in (or finds the session), loads the datasets, then shows the app's shell. */
import { useCallback, useEffect, useMemo, useState } from "react";
import { ApiError, setUnauthenticatedHandler } from "../api/client.js";
import { api } from "../api/endpoints.js";
import { invalidate } from "../api/query.js";
import type { DatasetInfo, Me, Permission } from "../api/types.js";
import { ErrorBox, Loading } from "../components/ui.js";
import { I18nProvider } from "../i18n/I18n.js";
import { LoginPage } from "./LoginPage.js";
import { SessionProvider, type Session } from "./session.js";
import { Shell } from "./Shell.js";

type Auth =
  | { state: "checking" }
  | { state: "signed-out"; expired?: boolean }
  | { state: "failed"; error: unknown }
  | { state: "signed-in"; me: Me; datasets: Promise<DatasetInfo[]> };

const DATASET_KEY = "paraat.dataset";

export function App() {
  return (
    <I18nProvider>
      <Gate />
    </I18nProvider>
  );
}

function Gate() {
  const [auth, setAuth] = useState<Auth>({ state: "checking" });

  const check = useCallback(() => {
    // Ask for the datasets together with the user: one round trip less before the first page.
    const datasets = api.datasets({ quiet: true });
    datasets.catch(() => undefined);
    api.me().then(
      (me) => setAuth({ state: "signed-in", me, datasets }),
      (e: unknown) => setAuth(e instanceof ApiError && e.status === 401 ? { state: "signed-out" } : { state: "failed", error: e }),
    );
  }, []);

  useEffect(() => {
    check();
    setUnauthenticatedHandler(() => setAuth({ state: "signed-out", expired: true }));
    return () => setUnauthenticatedHandler(undefined);
  }, [check]);

  switch (auth.state) {
    case "checking":
      return <Loading />;
    case "failed":
      return (
        <main className="center-page">
          <ErrorBox error={auth.error} />
        </main>
      );
    case "signed-out":
      return <LoginPage expired={auth.expired === true} onSignedIn={check} />;
    case "signed-in":
      return (
        <SignedIn
          me={auth.me}
          initialDatasets={auth.datasets}
          onSignedOut={() => {
            invalidate("", { drop: true });
            setAuth({ state: "signed-out" });
          }}
        />
      );
  }
}

function SignedIn({ me, initialDatasets, onSignedOut }: { me: Me; initialDatasets: Promise<DatasetInfo[]>; onSignedOut: () => void }) {
  const [datasets, setDatasets] = useState<DatasetInfo[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [chosen, setChosen] = useState<string | null>(() => localStorage.getItem(DATASET_KEY));
  const canRead = me.permissions.includes("dataset:read");

  const loadDatasets = useCallback(() => {
    if (!canRead) return setDatasets([]);
    api.datasets().then(setDatasets, setError);
  }, [canRead]);
  useEffect(() => {
    if (!canRead) return setDatasets([]);
    initialDatasets.then(setDatasets, setError);
  }, [canRead, initialDatasets]);

  const session = useMemo<Session>(() => {
    const list = datasets ?? [];
    const dataset = list.some((d) => d.name === chosen) ? chosen : (list[0]?.name ?? null);
    return {
      me,
      can: (p: Permission) => me.permissions.includes(p),
      datasets: list,
      dataset,
      setDataset: (name: string) => {
        localStorage.setItem(DATASET_KEY, name);
        setChosen(name);
      },
      reloadDatasets: loadDatasets,
      signOut: () => {
        api.logout().then(onSignedOut, onSignedOut);
      },
    };
  }, [me, datasets, chosen, onSignedOut, loadDatasets]);

  if (error) return <ErrorBox error={error} />;
  if (datasets === null) return <Loading />;
  return (
    <SessionProvider value={session}>
      <Shell />
    </SessionProvider>
  );
}

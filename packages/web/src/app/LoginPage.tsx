/** The sign-in form: the only page shown before signing in. */
import { useState, type FormEvent } from "react";
import { ApiError } from "../api/client.js";
import { api } from "../api/endpoints.js";
import { useI18n } from "../i18n/I18n.js";
import { LanguageSwitch } from "./LanguageSwitch.js";

export function LoginPage({ onSignedIn, expired }: { onSignedIn: () => void; expired: boolean }) {
  const { t } = useI18n();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    api.login(username, password).then(
      () => onSignedIn(),
      (err: unknown) => {
        setBusy(false);
        if (err instanceof ApiError && err.status === 429) setError(t("login.rateLimited"));
        else if (err instanceof ApiError && (err.status === 401 || err.status === 400 || err.status === 422)) setError(t("login.wrong"));
        else setError(err instanceof Error ? err.message : String(err));
      },
    );
  };

  return (
    <div className="login-page">
      <header className="login-top">
        <LanguageSwitch />
      </header>
      <main className="login-main" id="main">
        <form className="login-card" onSubmit={submit} aria-labelledby="login-title">
          <div className="brand-mark" aria-hidden="true">
            P
          </div>
          <h1 id="login-title">{t("app.name")}</h1>
          <p className="muted">{t("app.tagline")}</p>
          {expired && <p className="note">{t("login.expired")}</p>}
          <label htmlFor="username">{t("login.username")}</label>
          <input
            id="username"
            name="username"
            autoComplete="username"
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            autoFocus
          />
          <label htmlFor="password">{t("login.password")}</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t("login.busy") : t("login.submit")}
          </button>
        </form>
      </main>
    </div>
  );
}

/** Nederlands / English: two toggle buttons, the current one pressed. */
import { useI18n } from "../i18n/I18n.js";
import { langs } from "../i18n/messages.js";

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label={t("lang.label")}>
      {langs.map((l) => (
        <button key={l} type="button" aria-pressed={lang === l} lang={l} onClick={() => setLang(l)} title={t(`lang.${l}`)}>
          {l.toUpperCase()}
        </button>
      ))}
    </div>
  );
}

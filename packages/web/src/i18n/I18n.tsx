/** The user's language (Dutch or English, remembered in the browser) and formatting in their locale. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { formatDateTime, formatEuro, formatEuroCompact, formatMonth, formatNumber, formatPercent } from "../lib/format.js";
import { messages, type Lang, type MessageKey } from "./messages.js";
import { formatLocale, render, type Params } from "./translate.js";

export interface I18n {
  lang: Lang;
  locale: string;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, params?: Params) => string;
  num: (n: number, digits?: number) => string;
  pct: (fraction: number, digits?: number) => string;
  eur: (n: number) => string;
  eurCompact: (n: number) => string;
  month: (m: string | null | undefined) => string;
  dateTime: (iso: string) => string;
}

const STORAGE_KEY = "paraat.lang";

function initialLang(): Lang {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === "en" || stored === "nl") return stored;
  return navigator.languages.some((l) => l.toLowerCase().startsWith("nl")) ? "nl" : "en";
}

const Context = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((l: Lang) => {
    localStorage.setItem(STORAGE_KEY, l);
    setLangState(l);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<I18n>(() => {
    const locale = formatLocale(lang, navigator.languages);
    const dict = messages[lang];
    return {
      lang,
      locale,
      setLang,
      t: (key, params) => render(dict[key], locale, params),
      num: (n, digits) => formatNumber(locale, n, digits),
      pct: (f, digits) => formatPercent(locale, f, digits),
      eur: (n) => formatEuro(locale, n),
      eurCompact: (n) => formatEuroCompact(locale, n),
      month: (m) => (m ? formatMonth(locale, m) : "—"),
      dateTime: (iso) => formatDateTime(locale, iso),
    };
  }, [lang, setLang]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Context);
  if (!v) throw new Error("useI18n outside I18nProvider");
  return v;
}

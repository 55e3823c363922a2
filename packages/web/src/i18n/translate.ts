/** Message lookup with {placeholders} and plural forms. Pure: the dictionary and locale are parameters. */
export type Message = string | { one: string; other: string };
export type Params = Record<string, string | number>;

export function fill(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The message in the locale's plural form for params.n (when it has forms), placeholders filled. */
export function render(message: Message, locale: string, params: Params = {}): string {
  if (typeof message === "string") return fill(message, params);
  const n = typeof params.n === "number" ? params.n : Number(params.n ?? 0);
  const form = new Intl.PluralRules(locale).select(n) === "one" ? message.one : message.other;
  return fill(form, params);
}

/** The locale numbers and dates are formatted in: the browser's own when it speaks the chosen language. */
export function formatLocale(lang: "en" | "nl", browser: readonly string[]): string {
  const own = browser.find((l) => l.toLowerCase().split("-")[0] === lang);
  if (own) return own;
  return lang === "nl" ? "nl-NL" : "en-GB";
}

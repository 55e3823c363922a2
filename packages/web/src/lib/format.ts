/**
 * Numbers, money, months and timestamps in the user's locale. Pure: the locale is a parameter, so the
 * same functions serve the app and its tests. Formatters are cached because Intl objects are costly.
 */
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) cache.set(key, (f = new Intl.NumberFormat(locale, options)));
  return f;
}

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}

/** A quantity: whole numbers stay whole, fractions get at most `digits` decimals. */
export function formatNumber(locale: string, value: number, digits = 1): string {
  return numberFormat(locale, { maximumFractionDigits: Number.isInteger(value) ? 0 : digits }).format(value);
}

/** A fraction 0…1 as a percentage. */
export function formatPercent(locale: string, fraction: number, digits = 1): string {
  return numberFormat(locale, { style: "percent", maximumFractionDigits: digits }).format(fraction);
}

/** Euros; whole euros unless the amount is small. */
export function formatEuro(locale: string, value: number): string {
  const digits = Math.abs(value) < 100 && !Number.isInteger(value) ? 2 : 0;
  return numberFormat(locale, { style: "currency", currency: "EUR", maximumFractionDigits: digits, minimumFractionDigits: digits }).format(
    value,
  );
}

/** Large euro amounts in compact form ("€5.1 M"). */
export function formatEuroCompact(locale: string, value: number): string {
  return numberFormat(locale, { style: "currency", currency: "EUR", notation: "compact", maximumFractionDigits: 1 }).format(value);
}

/** "2029-06" → "Jun 2029" / "jun 2029". Months are calendar months, so UTC avoids time-zone shifts. */
export function formatMonth(locale: string, month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
  return dateFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" }).format(date);
}

/** An ISO timestamp as a local date and time. */
export function formatDateTime(locale: string, iso: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateFormat(locale, { dateStyle: "medium", timeStyle: "short", ...(timeZone ? { timeZone } : {}) }).format(date);
}

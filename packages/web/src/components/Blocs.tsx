/** Bloc colours: a swatch badge and the legend that explains them. */
import type { Bloc } from "@paraat/core";
import { blocColours, type BlocOrUnsourced } from "../charts/exposure-data.js";
import { useI18n } from "../i18n/I18n.js";

export function BlocSwatch({ bloc }: { bloc: BlocOrUnsourced }) {
  return <span className="swatch" style={{ background: blocColours[bloc] }} aria-hidden="true" />;
}

/** A country code with its bloc's colour and, for screen readers and tooltips, the bloc's name. */
export function CountryTag({ code, name, bloc }: { code: string; name?: string; bloc: Bloc }) {
  const { t } = useI18n();
  const label = `${name ?? code} (${t(`bloc.${bloc}`)})`;
  return (
    <span className={`country-tag bloc-${bloc}`} title={label}>
      <BlocSwatch bloc={bloc} />
      <span aria-hidden="true">{code}</span>
      <span className="sr-only">{label}</span>
    </span>
  );
}

export function BlocLegend({ withUnsourced = false }: { withUnsourced?: boolean }) {
  const { t } = useI18n();
  const keys: BlocOrUnsourced[] = ["eu", "nato", "partner", "concern", "other", ...(withUnsourced ? (["unsourced"] as const) : [])];
  return (
    <ul className="legend" aria-label={t("bloc.legend")}>
      {keys.map((k) => (
        <li key={k}>
          <BlocSwatch bloc={k} />
          <span>{t(`bloc.${k}`)}</span>
        </li>
      ))}
    </ul>
  );
}

/** Chart data for the network page: an item's value by bloc and by country. Pure. */
import type { Bloc, Exposure } from "@paraat/core";

export const blocOrder = ["eu", "nato", "partner", "concern", "other"] as const satisfies readonly Bloc[];
export type BlocOrUnsourced = Bloc | "unsourced";

/** The palette of the blocs, used by every chart, badge and legend so they agree. */
export const blocColours: Record<BlocOrUnsourced, string> = {
  eu: "#1d4e89",
  nato: "#2a8c82",
  partner: "#c28a1e",
  concern: "#b42318",
  other: "#6b7280",
  unsourced: "#c9ced6",
};

export interface Bar {
  key: string;
  value: number;
  colour: string;
}

/** Shares by bloc in the fixed order, plus unsourced; zero shares are left out. */
export function blocBars(exposure: Exposure): Bar[] {
  const keys: BlocOrUnsourced[] = [...blocOrder, "unsourced"];
  return keys.map((k) => ({ key: k, value: exposure.byBloc[k], colour: blocColours[k] })).filter((b) => b.value > 0);
}

/** The n countries with the largest share, largest first, coloured by their bloc. */
export function countryBars(exposure: Exposure, blocOf: (code: string) => Bloc, n: number): Bar[] {
  return Object.entries(exposure.byCountry)
    .filter(([, v]) => v > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([code, value]) => ({ key: code, value, colour: blocColours[blocOf(code)] }));
}

/** The synthetic dataset generator: `generateDataset(options)` and the `small` / `medium` / `large` presets. */
export { generateDataset } from "./generate.js";
export {
  type GenerateOptions,
  type PresetName,
  DEFAULT_START as GENERATE_DEFAULT_START,
  MAX_DEPTH as GENERATE_MAX_DEPTH,
  MIN_DEPTH as GENERATE_MIN_DEPTH,
  endItemsForItemCount,
  generatedItemCount,
  itemLayerSizes,
  layerKinds as generatedLayerKinds,
  presetItemGoals,
  presetNames,
  presets,
  resolveOptions as resolveGenerateOptions,
} from "./options.js";
export { MAX_COUNTRIES as GENERATE_MAX_COUNTRIES } from "./countries.js";

/** Import and export of whole datasets: canonical JSON, an Excel workbook, a folder of CSV files. */
export type { DatasetFileFormat, ImportResult, LocatedIssue, ProgressFn, ReadOptions } from "./types.js";
export { datasetFileFormats } from "./types.js";
export { datasetToJson, parseDatasetJson } from "./json.js";
export { datasetToWorkbook } from "./xlsx.js";
export { datasetToCsvFiles } from "./csv.js";
export { readDatasetFile, writeDatasetFile } from "./files.js";
export { entityColumns, datasetColumns, type Column } from "./columns.js";
export { comparisonToWorkbook } from "./comparison-xlsx.js";

export { historyCsv, recordsCsv, CSV_HEADER } from './csv';
export { deliverExport, type ExportFile, type HistoryDeps } from './export-delivery';
export { EXPORT_HEADER, shopExportRecord, type ExportRecord } from './export-records';
export { historyRows, summarize } from './rows';
export { historyXlsx, recordsXlsx, XLSX_MIME } from './xlsx';

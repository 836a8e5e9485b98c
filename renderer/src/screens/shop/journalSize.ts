/** A journal's size as the owner reads it: "850 KB", "1.2 MB", "64 MB" (units are symbols in every language). */
const ONE_DECIMAL = new Intl.NumberFormat('en-IN', { maximumFractionDigits: 1 });
const KB = 1024;
const MB = 1024 * 1024;

export function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${ONE_DECIMAL.format(bytes / MB)} MB`;
  if (bytes >= KB) return `${ONE_DECIMAL.format(bytes / KB)} KB`;
  return `${bytes} B`;
}

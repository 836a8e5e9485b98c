const IST_OFFSET_MS = (5 * 60 + 30) * 60_000;

/** 2024-07-28T23:31:16+05:30, the way BOS writes times, whatever this machine's time zone. */
export function formatIst(epochMs: number): string {
  const shifted = new Date(Math.floor(epochMs / 1000) * 1000 + IST_OFFSET_MS);
  return `${shifted.toISOString().slice(0, 19)}+05:30`;
}

/**
 * Event ids: microseconds of the PC clock when that is ahead, else one more than the last id,
 * so they rise strictly across days, restarts and a clock that went back. The hub deduplicates by
 * (terminal, id): an id must never come round again.
 */

/** Leaves room below 2^53 for ids to go on rising one by one after a clock set centuries ahead. */
const MAX_CLOCK_ID = Number.MAX_SAFE_INTEGER - 2 ** 40;

export function nextEventId(lastId: number, at: Date): number {
  const clock = at.getTime() * 1000;
  const id = Math.max(lastId + 1, Number.isFinite(clock) ? Math.min(clock, MAX_CLOCK_ID) : 0);
  if (!Number.isSafeInteger(id)) throw new RangeError('journal ids are exhausted');
  return id;
}

const NEWLINE = 0x0a;
const PREFIX = [...Buffer.from('{"id":')];

/** The id at the head of one line as this journal writes it (`{"id":123,`), without parsing the rest. */
function headId(bytes: Buffer, start: number, end: number): number | null {
  let i = start;
  for (const byte of PREFIX) if (i >= end || bytes[i++] !== byte) return null;
  const digits = i;
  let value = 0;
  for (; i < end && i - digits < 16; i += 1) {
    const digit = bytes[i]! - 0x30;
    if (digit < 0 || digit > 9) break;
    value = value * 10 + digit;
  }
  const next = bytes[i];
  return i > digits && (next === 0x2c || next === 0x7d) ? value : null;
}

function parsedId(line: string): number {
  try {
    const id = (JSON.parse(line) as { id?: unknown } | null)?.id;
    return typeof id === 'number' ? id : 0;
  } catch {
    return 0;
  }
}

/** The highest id among the complete lines of a day file (a torn last line was never acknowledged). */
export function highestId(bytes: Buffer): number {
  let highest = 0;
  for (let start = 0, end = bytes.indexOf(NEWLINE); end >= 0; start = end + 1, end = bytes.indexOf(NEWLINE, start)) {
    const id = headId(bytes, start, end) ?? parsedId(bytes.toString('utf8', start, end));
    // A damaged line could say anything (1e400 would make every later id Infinity): only whole, safe numbers count.
    if (Number.isSafeInteger(id) && id > highest) highest = id;
  }
  return highest;
}

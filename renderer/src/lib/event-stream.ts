// Server-sent events read from a fetch body, so the page's token travels in a header and never
// in a URL (EventSource can send no header of its own).

export interface StreamEvent {
  event: string;
  data: string;
}

/**
 * Feeds text as it arrives and calls `onEvent` for each complete event: `event:` and `data:`
 * lines up to a blank line (LF, CRLF or CR endings), comment lines (`: …`) skipped, several
 * `data:` lines joined with LF, as the EventSource standard reads them.
 */
export function createEventParser(onEvent: (event: StreamEvent) => void): (text: string) => void {
  let buffer = '';
  let event = '';
  let data: string[] = [];
  const dispatch = () => {
    if (data.length > 0) onEvent({ event: event || 'message', data: data.join('\n') });
    event = '';
    data = [];
  };
  const line = (text: string) => {
    if (text === '') return dispatch();
    if (text.startsWith(':')) return undefined;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
    return undefined;
  };
  return (text) => {
    buffer += text;
    for (;;) {
      const end = buffer.search(/\r\n|\r|\n/);
      if (end === -1) return;
      // A CR at the very end may be the first half of a CRLF still on its way.
      if (buffer[end] === '\r' && end === buffer.length - 1) return;
      const width = buffer.startsWith('\r\n', end) ? 2 : 1;
      line(buffer.slice(0, end));
      buffer = buffer.slice(end + width);
    }
  };
}

/** Waits before the n-th reconnection try (0-based): quick at first, then every 2 s. */
export const reconnectDelayMs = (attempt: number): number => Math.min(2000, 250 * 2 ** attempt);

/** One server-sent event (text/event-stream), as the hub sends them. */
export interface SseEvent {
  event: string;
  id: string | null;
  data: string;
}

/** Longest line accepted: a hub that sends an endless line is cut off rather than filling memory. */
const MAX_LINE = 256 * 1024;

/**
 * Reads events from a response body: `event:`, `id:`, `data:` lines, a blank line ends one; comment
 * lines (`: ping`) are reported as `onComment` so a watchdog knows the stream is alive.
 */
export async function* readSse(body: ReadableStream<Uint8Array>, onComment: () => void = () => undefined): AsyncGenerator<SseEvent> {
  const decoder = new TextDecoder();
  let buffer = '';
  let event = 'message';
  let id: string | null = null;
  let data: string[] = [];
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let newline: number;
      while ((newline = buffer.search(/\r\n|\n|\r/)) !== -1) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
        if (line === '') {
          if (data.length > 0) yield { event, id, data: data.join('\n') };
          event = 'message';
          data = [];
          continue;
        }
        if (line.startsWith(':')) {
          onComment();
          continue;
        }
        const colon = line.indexOf(':');
        const field = colon === -1 ? line : line.slice(0, colon);
        const text = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event = text;
        else if (field === 'data') data.push(text);
        else if (field === 'id' && !text.includes('\0')) id = text;
      }
      if (buffer.length > MAX_LINE) throw new Error('hub stream line too long');
    }
  } finally {
    reader.releaseLock();
  }
}

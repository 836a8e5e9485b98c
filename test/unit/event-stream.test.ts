import { describe, expect, it } from 'vitest';
import { createEventParser, reconnectDelayMs, type StreamEvent } from '../../renderer/src/lib/event-stream';

const parseAll = (chunks: string[]): StreamEvent[] => {
  const seen: StreamEvent[] = [];
  const feed = createEventParser((e) => seen.push(e));
  for (const chunk of chunks) feed(chunk);
  return seen;
};

describe('the preview\'s event-stream parser', () => {
  it('reads named events, skipping comments', () => {
    expect(parseAll([': connected\n\nevent: sale.changed\ndata: {"a":1}\n\n'])).toEqual([{ event: 'sale.changed', data: '{"a":1}' }]);
  });

  it('joins an event split anywhere across chunks, a CRLF split in two included', () => {
    const text = 'event: settings.changed\r\ndata: {"language":"hi"}\r\n\r\nevent: owner.changed\r\ndata: null\r\n\r\n';
    const whole = parseAll([text]);
    expect(whole).toEqual([
      { event: 'settings.changed', data: '{"language":"hi"}' },
      { event: 'owner.changed', data: 'null' },
    ]);
    for (let cut = 1; cut < text.length; cut += 1) expect(parseAll([text.slice(0, cut), text.slice(cut)]), `cut at ${cut}`).toEqual(whole);
    expect(parseAll(text.split(''))).toEqual(whole);
  });

  it('joins several data lines with LF, takes CR-only endings, and calls a nameless event "message"', () => {
    // A CR that ends the text so far may be half a CRLF: that line waits for the next chunk.
    expect(parseAll(['data: a\ndata: b\n\n', 'data:c\r\rdata: d\r\r'])).toEqual([
      { event: 'message', data: 'a\nb' },
      { event: 'message', data: 'c' },
    ]);
  });

  it('delivers nothing for an event cut off before its blank line, nor for a blank line alone', () => {
    expect(parseAll(['event: sale.changed\ndata: {"half"'])).toEqual([]);
    expect(parseAll(['\n\n\n', 'event: x\n\n'])).toEqual([]);
  });

  it('waits a little more before each reconnection try, never more than 2 s', () => {
    expect([0, 1, 2, 3, 4, 10].map(reconnectDelayMs)).toEqual([250, 500, 1000, 2000, 2000, 2000]);
  });
});

import { describe, expect, it } from 'vitest';
import { GROUPS, HUB_SECTIONS, selectFigures } from '../../scripts/bench/select';

describe('which figures npm run bench makes', () => {
  it('runs every group, and every hub section but the chain database, when none is named', () => {
    expect(selectFigures([])).toEqual({ groups: [...GROUPS], hub: HUB_SECTIONS.filter((s) => s !== 'chain') });
  });

  it('runs only the group named', () => {
    expect(selectFigures(['hub'])).toEqual({ groups: ['hub'], hub: HUB_SECTIONS.filter((s) => s !== 'chain') });
    expect(selectFigures(['core', 'journal'])).toEqual({ groups: ['journal', 'core'], hub: [] });
  });

  it('builds or reads the 10-million-event chain database only when asked', () => {
    expect(selectFigures(['hub', '--chain'])).toMatchObject({ groups: ['hub'], hub: expect.arrayContaining(['chain']) });
    expect(selectFigures(['hub:chain'])).toEqual({ groups: ['hub'], hub: ['chain'] });
    for (const args of [[], ['hub'], ['hub:intake']]) expect((selectFigures(args) as { hub: string[] }).hub).not.toContain('chain');
  });

  it('runs single hub sections', () => {
    expect(selectFigures(['hub:streams', 'hub:intake'])).toEqual({ groups: ['hub'], hub: ['intake', 'streams'] });
  });

  it('refuses a name it does not know, saying what it knows', () => {
    for (const wrong of ['hubb', 'hub:nothing', '--fast']) expect(selectFigures([wrong])).toEqual({ error: expect.stringMatching(new RegExp(`"${wrong}"[\\s\\S]*groups: journal, core, hub, ui`)) });
  });
});

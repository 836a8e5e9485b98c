// Which figures a bench run makes: `npm run bench` every group; `npm run bench -- hub` one group;
// `npm run bench -- hub:intake hub:streams` parts of one. The hub's 10-million-event chain database
// takes a fresh clone about a quarter of an hour to build, so it runs only when asked: `--chain` (with
// the hub group) or `hub:chain`.

export const GROUPS = ['journal', 'core', 'hub', 'ui'] as const;
export type Group = (typeof GROUPS)[number];
export const HUB_SECTIONS = ['latency', 'paid', 'intake', 'journal', 'streams', 'chain'] as const;
export type HubSection = (typeof HUB_SECTIONS)[number];

export interface Selection {
  groups: Group[];
  hub: HubSection[];
}

export const BENCH_USAGE = `npm run bench -- [group | hub:section …] [--chain]
  groups: ${GROUPS.join(', ')} (none named: all of them)
  hub sections: ${HUB_SECTIONS.join(', ')} (hub alone: all but chain)
  --chain  also the shop-day summary over the 10-million-event chain database (built once under .tmp/hub-chain, about 15 minutes)`;

const isGroup = (s: string): s is Group => (GROUPS as readonly string[]).includes(s);
const isHubSection = (s: string): s is HubSection => (HUB_SECTIONS as readonly string[]).includes(s);

/** The selection the arguments name, or a message saying what is wrong with them. */
export function selectFigures(args: readonly string[]): Selection | { error: string } {
  let chain = false;
  const groups = new Set<Group>();
  const hub = new Set<HubSection>();
  for (const arg of args) {
    if (arg === '--chain') chain = true;
    else if (isGroup(arg)) groups.add(arg);
    else if (arg.startsWith('hub:') && isHubSection(arg.slice(4))) hub.add(arg.slice(4) as HubSection);
    else return { error: `Unknown bench group or section "${arg}".\n${BENCH_USAGE}` };
  }
  if (groups.size === 0 && hub.size === 0) for (const g of GROUPS) groups.add(g);
  if (groups.has('hub')) for (const s of HUB_SECTIONS) if (s !== 'chain') hub.add(s);
  if (chain) hub.add('chain');
  if (hub.size > 0) groups.add('hub');
  return { groups: GROUPS.filter((g) => groups.has(g)), hub: HUB_SECTIONS.filter((s) => hub.has(s)) };
}

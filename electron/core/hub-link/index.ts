export type { HubLinkContext } from './context';
export type { EmbeddedHub, HubDeps, HubRuntime } from './runtime';
export { startHubLink, type HubLinkParts } from './start';

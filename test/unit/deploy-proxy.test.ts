// deploy/Caddyfile read as Caddy would route it (Caddy itself is not installed here).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HUB_ROUTES } from '../../electron/contract/hub';
import { findAll, handleFor, parseCaddyfile, type Directive } from '../support/caddyfile';
import { documentedSettings, envFile } from '../support/env-file';

const sites = parseCaddyfile(readFileSync('deploy/Caddyfile', 'utf8'));
const site = sites[0]!;
const example = readFileSync('deploy/counter-hub.env.example', 'utf8');
const env = envFile(example);
const documented = documentedSettings(example);
// Where the hub listens unless told otherwise, as the example environment shows it.
const hubAddress = `${documented.HUB_HOST}:${documented.PORT}`;

const proxyOf = (handle: Directive | null) => (handle ? findAll(handle.children, 'reverse_proxy') : []);
const flushesAtOnce = (proxy: Directive) => proxy.children.some((d) => d.tokens[0] === 'flush_interval' && d.tokens[1] === '-1');

// One request path for each of the hub's routes, as a client sends it.
const PATHS = {
  webhook: `${HUB_ROUTES.webhookPrefix}k3XbQ9v2mJp8Yc1TnR6wLs0HdF4aZe7u`,
  stream: HUB_ROUTES.stream,
  shopStream: HUB_ROUTES.shopStream,
  health: HUB_ROUTES.health,
  other: [HUB_ROUTES.pair, HUB_ROUTES.me, HUB_ROUTES.expectations, HUB_ROUTES.pairingCodes, HUB_ROUTES.terminals, HUB_ROUTES.unmatched, HUB_ROUTES.journal, HUB_ROUTES.journalCursor, HUB_ROUTES.ownerKeys, `${HUB_ROUTES.daysPrefix}2026-12-01/summary`],
};

describe('the reverse-proxy example (Caddy)', () => {
  it('is one HTTPS site, a domain name Caddy gets a certificate for', () => {
    expect(sites).toHaveLength(1);
    expect(site.tokens).toHaveLength(1);
    expect(site.tokens[0]).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
  });

  it('forwards every route of the hub to the hub\'s address in the example environment', () => {
    for (const path of [PATHS.webhook, PATHS.stream, PATHS.shopStream, PATHS.health, ...PATHS.other]) {
      const proxies = proxyOf(handleFor(site, path));
      expect(proxies, path).toHaveLength(1);
      expect(proxies[0]!.tokens.slice(1), path).toEqual([hubAddress]);
    }
  });

  it('sends each stream event on at once: both streams flush_interval -1', () => {
    for (const path of [PATHS.stream, `${PATHS.shopStream}`]) {
      const [proxy] = proxyOf(handleFor(site, path));
      expect(proxy && flushesAtOnce(proxy), path).toBe(true);
    }
  });

  it('holds nothing back: no compression and no request or response buffering anywhere', () => {
    for (const name of ['encode', 'request_buffers', 'response_buffers', 'buffer_requests', 'buffer_responses']) expect(findAll(sites, name), name).toEqual([]);
  });

  it('answers 404 itself for a path the hub does not serve', () => {
    const handle = handleFor(site, '/wp-admin/');
    expect(proxyOf(handle)).toEqual([]);
    expect(handle?.children.map((d) => d.tokens)).toEqual([['respond', '404']]);
  });

  it('pairs with a hub on loopback that takes client addresses from the proxy', () => {
    expect(env.HUB_TRUST_PROXY).toBe('1');
    expect(documented.HUB_HOST).toBe('127.0.0.1');
    expect(env.HUB_HOST).toBeUndefined();
  });
});

import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { argsWithEnvironment } from '../../electron/hub/env';

// The same shape of options as the hub's command line: the environment's settings must parse as its flags.
const parse = (args: string[]) =>
  parseArgs({
    args,
    allowPositionals: true,
    options: {
      port: { type: 'string', default: '4020' },
      host: { type: 'string', default: '127.0.0.1' },
      'data-dir': { type: 'string' },
      'registration-id': { type: 'string' },
      'shop-name': { type: 'string' },
      'log-level': { type: 'string', default: 'info' },
      'trust-proxy': { type: 'boolean', default: false },
      'public-url': { type: 'string' },
    },
  });

describe('the hub configured from its environment', () => {
  it('takes each setting a partner needs from the environment', () => {
    const env = { PORT: '8080', HUB_HOST: '0.0.0.0', HUB_DATA_DIR: '/var/lib/counter-hub', HUB_LOG_LEVEL: 'warn', HUB_REGISTRATION_ID: 'BOS-554', HUB_SHOP_NAME: 'Sharma Stores', HUB_TRUST_PROXY: '1', HUB_PUBLIC_URL: 'https://hub.example.in' };
    const { values, positionals } = parse(argsWithEnvironment([], env));
    expect(values).toMatchObject({ port: '8080', host: '0.0.0.0', 'data-dir': '/var/lib/counter-hub', 'log-level': 'warn', 'registration-id': 'BOS-554', 'shop-name': 'Sharma Stores', 'trust-proxy': true, 'public-url': 'https://hub.example.in' });
    expect(positionals).toEqual([]);
  });

  it('lets a flag on the command line win over the environment', () => {
    const { values } = parse(argsWithEnvironment(['--port', '9000', '--host=127.0.0.2'], { PORT: '8080', HUB_HOST: '0.0.0.0' }));
    expect(values.port).toBe('9000');
    expect(values.host).toBe('127.0.0.2');
  });

  it('prefers HUB_PORT to the platform-wide PORT', () => {
    expect(parse(argsWithEnvironment([], { PORT: '8080', HUB_PORT: '4021' })).values.port).toBe('4021');
  });

  it('does not bind to the HOST variable some shells set to the machine name', () => {
    expect(parse(argsWithEnvironment([], { HOST: 'shop-server' })).values.host).toBe('127.0.0.1');
  });

  it('keeps the command and its own arguments as given', () => {
    const { positionals, values } = parse(argsWithEnvironment(['revoke', 'term_abc'], { HUB_DATA_DIR: '/data' }));
    expect(positionals).toEqual(['revoke', 'term_abc']);
    expect(values['data-dir']).toBe('/data');
  });

  it('never gives the serving shop\'s registration id or name to shop-add, which names another shop', () => {
    const env = { HUB_REGISTRATION_ID: 'BOS-554', HUB_SHOP_NAME: 'Sharma Stores', HUB_PUBLIC_URL: 'https://hub.example.in' };
    const { values } = parse(argsWithEnvironment(['shop-add', '--registration-id', 'BOS-901'], env));
    expect(values['registration-id']).toBe('BOS-901');
    expect(values['shop-name']).toBeUndefined();
    expect(values['public-url']).toBe('https://hub.example.in');
  });

  it('ignores empty settings and reads yes and no in the usual spellings', () => {
    expect(parse(argsWithEnvironment([], { PORT: ' ', HUB_TRUST_PROXY: '' })).values).toMatchObject({ port: '4020', 'trust-proxy': false });
    for (const yes of ['1', 'true', 'YES', 'on']) expect(parse(argsWithEnvironment([], { HUB_TRUST_PROXY: yes })).values['trust-proxy']).toBe(true);
    for (const no of ['0', 'false', 'No', 'off']) expect(parse(argsWithEnvironment([], { HUB_TRUST_PROXY: no })).values['trust-proxy']).toBe(false);
  });

  it('refuses a trust-proxy setting it cannot read rather than guessing', () => {
    expect(() => argsWithEnvironment([], { HUB_TRUST_PROXY: 'maybe' })).toThrow(/HUB_TRUST_PROXY is 1 or 0/);
  });
});

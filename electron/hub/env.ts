// A hub run by systemd or in a container is configured by its environment. Each setting there becomes the
// flag it stands for, placed before the command line's own, so a flag given on the command line wins.
// The secrets (HUB_WEBHOOK_SECRET, HUB_WEBHOOK_HMAC_SECRET, HUB_OWNER_KEY) and DATABASE_URL are read by
// the command line itself. HOST is not read: tcsh and zsh set it to the machine's name.

type Env = Readonly<Record<string, string | undefined>>;

const VALUED: ReadonlyArray<[name: string, flag: string]> = [
  ['HUB_PORT', '--port'],
  ['HUB_HOST', '--host'],
  ['HUB_DATA_DIR', '--data-dir'],
  ['HUB_LOG_LEVEL', '--log-level'],
  ['HUB_PUBLIC_URL', '--public-url'],
  ['HUB_PROXY_ADDRESS', '--proxy-address'],
  ['HUB_WEBHOOK_GRACE_HOURS', '--webhook-grace-hours'],
];

// The serving shop's identity: `shop-add` names another shop with the same flags, so it never takes these.
const SERVING_SHOP: ReadonlyArray<[name: string, flag: string]> = [
  ['HUB_REGISTRATION_ID', '--registration-id'],
  ['HUB_SHOP_NAME', '--shop-name'],
];

const YES = new Set(['1', 'true', 'yes', 'on']);
const NO = new Set(['', '0', 'false', 'no', 'off']);

function flagFor(env: Env, name: string): boolean {
  const value = (env[name] ?? '').trim().toLowerCase();
  if (YES.has(value)) return true;
  if (NO.has(value)) return false;
  throw new RangeError(`${name} is 1 or 0 (true or false), not "${env[name]}".`);
}

/** The hub's arguments with its environment's settings in front: PORT (or HUB_PORT), HUB_HOST, HUB_DATA_DIR, … */
export function argsWithEnvironment(argv: readonly string[], env: Env = process.env): string[] {
  const args: string[] = [];
  const add = (name: string, flag: string) => {
    const value = env[name]?.trim();
    if (value) args.push(`${flag}=${value}`);
  };
  // PORT is what hosting platforms set; HUB_PORT, more particular, wins over it.
  add('PORT', '--port');
  for (const [name, flag] of VALUED) add(name, flag);
  if (!argv.includes('shop-add')) for (const [name, flag] of SERVING_SHOP) add(name, flag);
  if (flagFor(env, 'HUB_TRUST_PROXY')) args.push('--trust-proxy');
  return [...args, ...argv];
}

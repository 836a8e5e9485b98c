// An environment file as systemd's EnvironmentFile= and `docker run --env-file` both read it, for the
// plain form both agree on: NAME=value lines, `#` comment lines, no quoting.

export function envFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) throw new Error(`not NAME=value: ${line}`);
    out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}

/** Every setting the file names, set or shown commented out with its default (`#NAME=value`). */
export function documentedSettings(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const match of text.matchAll(/^#?([A-Z][A-Z0-9_]*)=(.*)$/gm)) out[match[1]!] = match[2]!;
  return out;
}

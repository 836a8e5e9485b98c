// A Caddyfile read as nested directives, and which `handle` block Caddy would give a request path, for
// checking deploy/Caddyfile where Caddy is not installed. Enough of the syntax for that file: tokens split
// on white space, `#` comments, `{ … }` blocks.

export interface Directive {
  tokens: string[];
  children: Directive[];
}

export function parseCaddyfile(text: string): Directive[] {
  const top: Directive[] = [];
  const open: Directive[][] = [top];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (line === '') continue;
    const tokens = line.split(/\s+/);
    const here = open.at(-1)!;
    if (tokens[0] === '}') {
      if (open.length === 1) throw new Error('a } with no block open');
      open.pop();
      continue;
    }
    const opens = tokens.at(-1) === '{';
    const directive: Directive = { tokens: opens ? tokens.slice(0, -1) : tokens, children: [] };
    here.push(directive);
    if (opens) open.push(directive.children);
  }
  if (open.length !== 1) throw new Error('a block is not closed');
  return top;
}

/** Every directive at any depth under `within`, named `name`. */
export function findAll(within: Directive[], name: string): Directive[] {
  return within.flatMap((d) => [...(d.tokens[0] === name ? [d] : []), ...findAll(d.children, name)]);
}

/** Caddy's path matcher: exact, or a prefix ending in `*`. */
const pathMatches = (pattern: string, path: string) => (pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern);

/**
 * The `handle` block of a site that takes `path`. Caddy orders handle blocks with one path by that path's
 * length, longest first, and those without a matcher last; a named matcher or two paths would count as
 * no path and sort after every single path, so this refuses them.
 */
export function handleFor(site: Directive, path: string): Directive | null {
  const handles = site.children.filter((d) => d.tokens[0] === 'handle');
  for (const h of handles) if (h.tokens.length > 2 || h.tokens[1]?.startsWith('@')) throw new Error(`handle with other than one path: ${h.tokens.join(' ')}`);
  const ordered = [...handles].sort((a, b) => (b.tokens[1]?.length ?? -1) - (a.tokens[1]?.length ?? -1));
  return ordered.find((h) => h.tokens[1] === undefined || pathMatches(h.tokens[1], path)) ?? null;
}

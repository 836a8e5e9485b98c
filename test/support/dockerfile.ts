// A Dockerfile read as its instructions and stages, for checking it where no Docker engine runs: enough of
// the syntax for deploy/Dockerfile (comments, `\` continuations, exec-form JSON arrays, options).

export interface Instruction {
  keyword: string;
  /** Everything after the keyword, continuations joined. */
  args: string;
}

export interface Stage {
  name: string | null;
  from: string;
  instructions: Instruction[];
}

export function instructions(text: string): Instruction[] {
  const out: Instruction[] = [];
  let pending = '';
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    if (pending === '' && (line.trim() === '' || line.trimStart().startsWith('#'))) continue;
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1).trim()} `;
      continue;
    }
    const whole = (pending + line.trim()).trim();
    pending = '';
    const keyword = whole.split(/\s+/)[0] ?? '';
    out.push({ keyword: keyword.toUpperCase(), args: whole.slice(keyword.length).trim() });
  }
  return out;
}

/** The stages in order; instructions before the first FROM (ARG) are not in any. */
export function stages(text: string): Stage[] {
  const out: Stage[] = [];
  for (const instruction of instructions(text)) {
    if (instruction.keyword === 'FROM') {
      const [from = '', as, name] = instruction.args.split(/\s+/);
      out.push({ from, name: as?.toUpperCase() === 'AS' && name ? name : null, instructions: [] });
    } else {
      out.at(-1)?.instructions.push(instruction);
    }
  }
  return out;
}

/** `--flag=value` options at the start of an instruction's arguments, and what follows them. */
export function options(args: string): { flags: Record<string, string>; rest: string } {
  const flags: Record<string, string> = {};
  let rest = args;
  for (let match = /^--([a-z-]+)=(\S+)\s+/.exec(rest); match; match = /^--([a-z-]+)=(\S+)\s+/.exec(rest)) {
    flags[match[1]!] = match[2]!;
    rest = rest.slice(match[0].length);
  }
  return { flags, rest };
}

/** An exec-form argument list (`["node", "x.js"]`), or null for the shell form. */
export function execForm(args: string): string[] | null {
  if (!args.startsWith('[')) return null;
  const parsed: unknown = JSON.parse(args);
  if (!Array.isArray(parsed) || !parsed.every((part) => typeof part === 'string')) throw new Error(`not an exec form: ${args}`);
  return parsed;
}

/** HEALTHCHECK's command as an argument list: its options, then `CMD [...]`. */
export function healthcheckCommand(text: string): { flags: Record<string, string>; command: string[] } {
  const found = instructions(text).filter((i) => i.keyword === 'HEALTHCHECK');
  if (found.length !== 1) throw new Error(`expected one HEALTHCHECK, found ${found.length}`);
  const { flags, rest } = options(found[0]!.args);
  if (!rest.startsWith('CMD ')) throw new Error(`HEALTHCHECK without CMD: ${rest}`);
  const command = execForm(rest.slice(4).trim());
  if (!command) throw new Error('HEALTHCHECK CMD is not in exec form');
  return { flags, command };
}

// `npm run docs:faults`: rewrites docs/faults.md from what the fault-matrix UI test reads off the screen and the
// journal (test/ui/faults.test.ts, run whole, with COUNTER_WRITE_FAULTS_DOC=1). Needs `electron-vite build` first.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { WRITE_FAULTS_DOC_ENV } from '../test/support/fault-matrix';

const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
const run = spawnSync(process.execPath, [vitest, 'run', 'test/ui/faults.test.ts'], { stdio: 'inherit', env: { ...process.env, [WRITE_FAULTS_DOC_ENV]: '1' } });
if (run.status === 0) console.log('docs/faults.md rewritten from this run.');
else console.error('The fault matrix failed: docs/faults.md was not rewritten.');
process.exit(run.status ?? 1);

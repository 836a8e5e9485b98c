import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPreviewServices, type PreviewServices } from '../../electron/web/compose';
import { createMemorySecretBox, createMemorySettingsStore } from '../../electron/web/preview-stores';
import { startWebPreview, type WebPreview } from '../../electron/web/server';

let dir: string;
let services: PreviewServices;
let preview: WebPreview;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'counter-web-'));
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head><title>Counter</title></head><body></body></html>');
  writeFileSync(join(dir, 'secret.txt'), 'outside the renderer');
  services = await createPreviewServices({ settingsStore: createMemorySettingsStore(), secretBox: createMemorySecretBox(), dataDir: dir, version: 't', shell: 'web-preview' });
  preview = await startWebPreview({ services, rendererDir });
});
afterAll(async () => {
  await preview.close();
  await services.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const call = (op: string, input: unknown, token = preview.token) =>
  fetch(`${preview.url}pos/${op}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Counter-Token': token }, body: JSON.stringify({ input }) });

describe('browser preview server', () => {
  it('serves the page with the per-launch token and a CSP', async () => {
    const res = await fetch(preview.url);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await res.text()).toContain(`<meta name="counter-preview-token" content="${preview.token}">`);
  });

  it('carries window.pos calls with the token and refuses them without it', async () => {
    expect(await (await call('app.info', undefined)).json()).toMatchObject({ ok: true, value: { shell: 'web-preview' } });
    expect((await call('app.info', undefined, 'wrong')).status).toBe(403);
    expect((await call('app.info', undefined, '')).status).toBe(403);
  });

  it('refuses a foreign Host header (DNS rebinding) and GET on operations', async () => {
    const port = new URL(preview.url).port;
    const http = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      http.get({ host: '127.0.0.1', port, path: '/', headers: { Host: `evil.example:${port}` } }, (res) => resolve(res.statusCode ?? 0));
    });
    expect(status).toBe(421);
    expect((await fetch(`${preview.url}pos/app.info`)).status).toBe(405);
  });

  it('does not serve files outside the renderer folder', async () => {
    for (const path of ['../secret.txt', '%2e%2e/secret.txt', '..%2fsecret.txt', '.env']) {
      const res = await fetch(`${preview.url}${path}`);
      expect(await res.text()).not.toContain('outside the renderer');
    }
  });

  it('refuses to bind anything but loopback', async () => {
    await expect(startWebPreview({ services, rendererDir: dir, host: '0.0.0.0' })).rejects.toThrow(/loopback/);
  });
});

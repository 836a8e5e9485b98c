import { createCounterServices, type CounterServices, type CounterServicesDeps } from '../core/services';
import type { SecretBox } from '../core/settings';
import { startSandbox, type SandboxOptions, type SandboxServer } from '../sandbox';
import { createEmbedded, type Embedded } from '../shell/embedded';
import { createMemorySecretBox } from './preview-stores';

export type PreviewServices = CounterServices<SandboxServer> & {
  /** The embedded sandbox-and-hub pair, when the preview runs one (the default in `npm run web`). */
  embedded(): Embedded | null;
};

export type PreviewServicesDeps = Omit<CounterServicesDeps<SandboxServer>, 'startSandbox' | 'hubSecretBox' | 'embeddedHub'> & {
  /** Default: memory only, like the preview's BOS token. */
  hubSecretBox?: SecretBox;
  /** Sandbox options (tests set latency, expiry and clock offsets here and through its control). */
  sandboxOptions?: SandboxOptions;
  /** Run the embedded shop hub beside the sandbox (its PGlite under `hubDataDir`, or in memory when null). */
  withEmbeddedHub?: { hubDataDir: string | null };
};

/** The preview's (and the tests') composition: core's services with the embedded sandbox (and, when asked, hub) handed in. */
export async function createPreviewServices({ sandboxOptions, hubSecretBox, withEmbeddedHub, ...deps }: PreviewServicesDeps): Promise<PreviewServices> {
  const embedded = withEmbeddedHub ? createEmbedded({ hubDataDir: withEmbeddedHub.hubDataDir, ...(sandboxOptions ? { sandboxOptions } : {}) }) : null;
  const services = await createCounterServices({
    ...deps,
    hubSecretBox: hubSecretBox ?? createMemorySecretBox(),
    startSandbox: embedded ? embedded.startSandbox : () => startSandbox(sandboxOptions),
    ...(embedded ? { embeddedHub: embedded.embeddedHub } : {}),
  });
  return {
    ...services,
    embedded: () => embedded,
    async dispose() {
      await services.dispose();
      await embedded?.close();
    },
  };
}

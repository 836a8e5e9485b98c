import { createCounterServices, type CounterServices, type CounterServicesDeps } from '../core/services';
import type { SecretBox } from '../core/settings';
import { startSandbox, type SandboxOptions, type SandboxServer } from '../sandbox';
import { createMemorySecretBox } from './preview-stores';

export type PreviewServices = CounterServices<SandboxServer>;

export type PreviewServicesDeps = Omit<CounterServicesDeps<SandboxServer>, 'startSandbox' | 'hubSecretBox'> & {
  /** Default: memory only, like the preview's BOS token. */
  hubSecretBox?: SecretBox;
  /** Sandbox options (tests set latency, expiry and clock offsets here and through its control). */
  sandboxOptions?: SandboxOptions;
};

/** The preview's (and the tests') composition: core's services with the embedded sandbox handed in. */
export function createPreviewServices({ sandboxOptions, hubSecretBox, ...deps }: PreviewServicesDeps): Promise<PreviewServices> {
  return createCounterServices({ ...deps, hubSecretBox: hubSecretBox ?? createMemorySecretBox(), startSandbox: () => startSandbox(sandboxOptions) });
}

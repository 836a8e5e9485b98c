import { createCounterServices, type CounterServices, type CounterServicesDeps } from '../core/services';
import { startSandbox, type SandboxOptions, type SandboxServer } from '../sandbox';

export type PreviewServices = CounterServices<SandboxServer>;

export type PreviewServicesDeps = Omit<CounterServicesDeps<SandboxServer>, 'startSandbox'> & {
  /** Sandbox options (tests set latency, expiry and clock offsets here and through its control). */
  sandboxOptions?: SandboxOptions;
};

/** The preview's (and the tests') composition: core's services with the embedded sandbox handed in. */
export function createPreviewServices({ sandboxOptions, ...deps }: PreviewServicesDeps): Promise<PreviewServices> {
  return createCounterServices({ ...deps, startSandbox: () => startSandbox(sandboxOptions) });
}

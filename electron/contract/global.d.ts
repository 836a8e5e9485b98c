import type { PosApi } from './operations';

declare global {
  interface Window {
    pos: PosApi;
  }
}
export {};

import type { LeitstandBridge } from '../../src-main/api/contract';

declare global {
  interface Window {
    /** Present in the desktop app (preload); absent in a browser, which talks HTTP instead. */
    leitstand?: LeitstandBridge;
  }
}

// Applying state frames in order, with gaps and resync exactly as docs/PROTOCOL.md §8 says:
// a DELTA whose base is not the world we hold is dropped, one `resync` is asked for, and every
// DELTA is dropped until the next SNAPSHOT. Pure: the caller sends the resync.

import { applyFrame, decodeHeader, SNAPSHOT } from './decoder.js';

export class StateStream {
  /** @param {() => void} askResync sends {"type":"resync"} */
  constructor(askResync) {
    this.askResync = askResync;
    this.reset();
  }

  /** A new connection or match: no world yet, nothing awaited. */
  reset() {
    this.world = null;
    this.awaitingSnapshot = false;
    this.gaps = 0;
    this.resyncs = 0;
  }

  /**
   * One binary frame: returns the new world, or null when the frame was dropped (a gap).
   * Throws ProtocolError when the frame breaks §7: the stream is corrupt.
   * @param {Uint8Array} bytes
   */
  accept(bytes) {
    const header = decodeHeader(bytes);
    if (header.kind === SNAPSHOT) {
      this.awaitingSnapshot = false;
    } else if (this.awaitingSnapshot || !this.world || this.world.tick !== header.baseTick) {
      this.gaps++;
      if (!this.awaitingSnapshot) {
        this.awaitingSnapshot = true;
        this.resyncs++;
        this.askResync();
      }
      return null;
    }
    this.world = applyFrame(this.world, bytes);
    return this.world;
  }
}

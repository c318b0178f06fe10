// Plays a broadcast stream (docs/BROADCAST.md §4) in real time: the SNAPSHOT of a full part, then
// the entries of delta part after delta part, each tick when the playback clock reaches it. When
// nothing is left to play the clock waits at the last tick (buffering) and runs on once more
// arrives. Pure: times are passed in (ms).

import { applyFrame } from './decoder.js';
import { BroadcastFormatError } from './parts.js';

export class Playback {
  constructor(tickRate) {
    this.tickMs = 1000 / tickRate;
  }

  /** Starts at a full part's tick; returns its world. */
  start(full, nowMs) {
    this.world = applyFrame(null, full.snapshot);
    this.queue = [];
    this.nextFragment = full.fragment;
    this.lastTick = full.tick;
    this.clockTick = full.tick;
    this.clockAt = nowMs;
    this.starved = false;
    return this.world;
  }

  /** The next delta part: it must be the next fragment and start where the stream is. */
  append(delta) {
    if (delta.fragment !== this.nextFragment || delta.fromTick !== this.lastTick) {
      throw new BroadcastFormatError(`delta part ${delta.fragment} from tick ${delta.fromTick} does not follow`
        + ` fragment ${this.nextFragment - 1} at tick ${this.lastTick}`);
    }
    this.queue.push(...delta.entries);
    this.nextFragment++;
    this.lastTick = delta.toTick;
  }

  /** The tick the clock shows at `nowMs`. */
  playhead(nowMs) {
    return this.clockTick + (nowMs - this.clockAt) / this.tickMs;
  }

  /** Ticks queued beyond the clock: how long playback can go on without another part. */
  bufferedTicks(nowMs) {
    return this.lastTick - this.playhead(nowMs);
  }

  /**
   * What to show up to `nowMs`, in order: { world } for each frame reached (decoded here; a frame
   * that does not decode throws) and { message } for each control message.
   */
  due(nowMs) {
    const out = [];
    const head = this.playhead(nowMs);
    while (this.queue.length > 0 && this.queue[0].tick <= head) {
      const entry = this.queue.shift();
      if (entry.kind === 'frame') {
        this.world = applyFrame(this.world, entry.frame);
        out.push({ world: this.world });
      } else {
        out.push({ message: entry.message });
      }
    }
    this.starved = this.queue.length === 0 && head > this.world.tick + 1;
    if (this.starved) {
      this.clockTick = this.world.tick; // wait here for the next part
      this.clockAt = nowMs;
    }
    return out;
  }
}

// Watching the delayed HTTP broadcast (docs/BROADCAST.md §5) instead of the live socket:
// /broadcast/{id}/sync says where to start, the full and delta parts of that fragment start the
// stream, and each next delta part is fetched a little before it is needed (404: not servable yet,
// try again shortly; 410: fallen out of the window, start again at /sync). It reports through the
// same callbacks as Connection, so the page around it is the same.

import { readDeltaPart, readFullPart } from './parts.js';
import { Playback } from './playback.js';
import { Retries } from './backoff.js';

/** Keep this many fragments queued ahead of the clock. */
const AHEAD_FRAGMENTS = 2;
const PUMP_EVERY_MS = 8;

class HttpStatus extends Error {
  constructor(url, status) {
    super(`${url}: HTTP ${status}`);
    this.status = status;
  }
}

export class BroadcastFeed {
  /** @param on the callbacks of Connection: state, joined, message, world (welcome and matches unused) */
  constructor(matchId, on) {
    this.matchId = matchId;
    this.on = on;
    this.state = 'idle';
    this.generation = 0;
    this.fetches = 0;
    this.restarts = 0;
    this.retries = new Retries();
  }

  open() {
    this.retries.reset();
    this.start();
  }

  /** Starts (again) at /sync; any loop of an earlier start ends at its next step. */
  async start() {
    const generation = ++this.generation;
    clearInterval(this.pump);
    this.setState(this.retries.lost ? 'reconnecting' : 'connecting');
    try {
      const base = `/broadcast/${encodeURIComponent(this.matchId)}`;
      const sync = await this.json(`${base}/sync`);
      const map = await this.json(`/watch/maps/${encodeURIComponent(sync.mapId)}.json`);
      const full = readFullPart(await this.bytes(`${base}/${sync.fragment}/full`));
      const first = readDeltaPart(await this.bytes(`${base}/${sync.fragment}/delta`));
      if (generation !== this.generation) {
        return;
      }
      this.retries.reset();
      this.sync = sync;
      this.playback = new Playback(full.info.tickRate);
      const now = performance.now();
      this.on.joined({ matchId: this.matchId, role: 'broadcast', playerId: 0, tickRate: full.info.tickRate,
        rules: full.info.rules, map, delaySeconds: sync.delaySeconds });
      if (full.roster) {
        this.on.message(full.roster);
      }
      full.recent.forEach((line) => this.on.message(line));
      this.on.world(this.playback.start(full, now), now);
      this.playback.append(first);
      this.setState('spectating', `${sync.delaySeconds} s behind the live match`);
      this.pump = setInterval(() => this.play(generation), PUMP_EVERY_MS);
      this.follow(generation, base, full.info.fragmentTicks, (full.info.fragmentTicks / full.info.tickRate) * 1000);
    } catch (e) {
      if (generation === this.generation) {
        this.failed(e);
      }
    }
  }

  play(generation) {
    if (generation !== this.generation) {
      return;
    }
    const now = performance.now();
    try {
      for (const step of this.playback.due(now)) {
        if (step.world) {
          this.on.world(step.world, now);
        } else {
          this.on.message(step.message);
        }
      }
      if (this.playback.starved !== (this.state === 'buffering')) {
        this.setState(this.playback.starved ? 'buffering' : 'spectating');
      }
    } catch (e) {
      this.damaged(e);
    }
  }

  /** Fetches delta part after delta part while this start lasts. */
  async follow(generation, base, fragmentTicks, fragmentMs) {
    while (generation === this.generation) {
      if (this.playback.bufferedTicks(performance.now()) >= AHEAD_FRAGMENTS * fragmentTicks) {
        await sleep(fragmentMs / 4);
        continue;
      }
      try {
        const delta = readDeltaPart(await this.bytes(`${base}/${this.playback.nextFragment}/delta`));
        if (generation === this.generation) {
          this.playback.append(delta);
        }
      } catch (e) {
        if (generation !== this.generation) {
          return;
        }
        if (e instanceof HttpStatus && e.status === 404) {
          await sleep(fragmentMs / 4); // not servable yet
        } else if (e instanceof HttpStatus && e.status === 410) {
          this.restarts++;
          this.start(); // fell out of the retention window
          return;
        } else if (e instanceof HttpStatus || e instanceof TypeError) {
          this.failed(e);
          return;
        } else {
          this.damaged(e);
          return;
        }
      }
    }
  }

  /** A part or frame that does not decode: start again at the next full part (§4). */
  damaged(e) {
    console.error(`lancers.watch broadcast: ${e.message}`);
    this.restarts++;
    this.start();
  }

  /** The server did not answer as it should: try again with backoff, or say it is gone. */
  failed(e) {
    const wait = this.retries.next(performance.now(), Math.random());
    if (wait === null) {
      this.generation++;
      clearInterval(this.pump);
      this.setState('gone', e.message);
      return;
    }
    const waiting = e instanceof HttpStatus && e.status === 404 ? 'no broadcast of this match yet' : e.message;
    this.setState('reconnecting', `${waiting}; attempt ${this.retries.attempt} in ${(wait / 1000).toFixed(1)} s`);
    const generation = this.generation;
    setTimeout(() => {
      if (generation === this.generation) {
        this.start();
      }
    }, wait);
  }

  async fetchOk(url) {
    this.fetches++;
    const response = await fetch(url);
    if (!response.ok) {
      throw new HttpStatus(url, response.status);
    }
    return response;
  }

  async json(url) {
    return (await this.fetchOk(url)).json();
  }

  async bytes(url) {
    return new Uint8Array(await (await this.fetchOk(url)).arrayBuffer());
  }

  stats() {
    return { state: this.state, connects: this.restarts, fetches: this.fetches, fragment: this.playback?.nextFragment ?? 0 };
  }

  setState(state, detail = '') {
    this.state = state;
    this.on.state(state, detail);
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

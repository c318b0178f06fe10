// What to draw at any instant: the received worlds shown in the past, at now − delay,
// interpolated between the two around that instant, as the desktop client's ClientWorld does
// (the same constants): arrival times map to ticks by a timeline that follows the earliest
// arrivals; the delay is two tick intervals plus twice the smoothed arrival jitter, growing
// fast and shrinking slowly; with no newer world, ships run on their velocity for at most
// 100 ms. A spectator predicts nothing. Pure: times are passed in (ms).

const BUFFER_CAPACITY = 64;
const BASE_DELAY_TICKS = 2.0;
const JITTER_FACTOR = 2.0;
const MIN_DELAY_TICKS = 1.0;
const MAX_DELAY_MS = 500;
const DELAY_GROW_GAIN = 0.25;
const DELAY_SHRINK_GAIN = 0.02;
const JITTER_GAIN = 1 / 16;
const TIMELINE_DRIFT_GAIN = 0.02;
const MAX_EXTRAPOLATION_MS = 100;
/** A step this long in one go is a teleport (respawn): snap, do not glide. */
const TELEPORT_DISTANCE = 64;

export class Timeline {
  constructor(tickRate) {
    this.tickMs = 1000 / tickRate;
    this.clear();
  }

  clear() {
    this.buffer = [];
    this.offsetMs = 0;
    this.jitterMs = 0;
    this.delayMs = BASE_DELAY_TICKS * this.tickMs;
    this.lastEventTick = -Infinity;
  }

  /** A new authoritative world received at `nowMs`. */
  push(world, nowMs) {
    let newest = this.buffer[this.buffer.length - 1];
    if (newest && world.tick <= newest.world.tick) {
      if (world.tick === newest.world.tick) {
        return; // the snapshot after a resync can repeat the tick we have
      }
      this.clear(); // time went backwards: a restarted match or another server
      newest = undefined;
    }
    this.updateTimeline(newest, world.tick, nowMs);
    this.buffer.push({ world, at: nowMs });
    if (this.buffer.length > BUFFER_CAPACITY) {
      this.buffer.shift();
    }
  }

  newest() {
    const last = this.buffer[this.buffer.length - 1];
    return last ? last.world : null;
  }

  updateTimeline(previous, tick, nowMs) {
    const arrivalOffset = nowMs - tick * this.tickMs;
    if (!previous) {
      this.offsetMs = arrivalOffset;
      return;
    }
    const transitChange = nowMs - previous.at - (tick - previous.world.tick) * this.tickMs;
    if (transitChange > MAX_DELAY_MS) {
      this.offsetMs = arrivalOffset; // a stall (reconnect, background tab) is not jitter
      return;
    }
    this.jitterMs += (Math.abs(transitChange) - this.jitterMs) * JITTER_GAIN;
    this.offsetMs = arrivalOffset < this.offsetMs ? arrivalOffset
      : this.offsetMs + (arrivalOffset - this.offsetMs) * TIMELINE_DRIFT_GAIN;
    const target = Math.max(MIN_DELAY_TICKS * this.tickMs,
      Math.min(MAX_DELAY_MS, BASE_DELAY_TICKS * this.tickMs + JITTER_FACTOR * this.jitterMs));
    this.delayMs += (target - this.delayMs) * (target > this.delayMs ? DELAY_GROW_GAIN : DELAY_SHRINK_GAIN);
  }

  /**
   * The frame to draw at `nowMs`, or null before the first world: the base world (match,
   * pickups, scores), ships at interpolated positions, projectiles where they fly, and the events
   * of worlds reached since the previous sample.
   */
  sample(nowMs) {
    if (this.buffer.length === 0) {
      return null;
    }
    const renderTick = (nowMs - this.delayMs - this.offsetMs) / this.tickMs;
    let from = this.buffer[0];
    let to = null;
    for (const r of this.buffer) {
      if (r.world.tick <= renderTick) {
        from = r;
      } else {
        to = r;
        break;
      }
    }
    const base = from.world;
    let ships;
    if (!to) {
      const ahead = Math.max(0, Math.min(renderTick - base.tick, MAX_EXTRAPOLATION_MS / this.tickMs));
      const seconds = (ahead * this.tickMs) / 1000;
      ships = base.ships.map((s) => (alive(s) ? placed(s, s.x + s.vx * seconds, s.y + s.vy * seconds, s.aim) : still(s)));
    } else if (renderTick < base.tick) {
      ships = base.ships.map(still);
    } else {
      const fraction = (renderTick - base.tick) / (to.world.tick - base.tick);
      ships = base.ships.map((s) => interpolate(s, to.world.ships.find((t) => t.id === s.id), fraction));
    }
    const at = Math.max(renderTick, base.tick);
    const projectiles = base.projectiles.map((p) => {
      const flown = ((at - p.spawnTick) * this.tickMs) / 1000;
      return { projectile: p, x: p.x0 + p.vx * flown, y: p.y0 + p.vy * flown };
    });
    return { renderTick, tick: base.tick, match: base.match, ships, projectiles, pickups: base.pickups, events: this.eventsUpTo(base.tick) };
  }

  eventsUpTo(tick) {
    const events = [];
    for (const r of this.buffer) {
      if (r.world.tick > tick) {
        break;
      }
      if (r.world.tick > this.lastEventTick) {
        events.push(...r.world.events);
      }
    }
    this.lastEventTick = Math.max(this.lastEventTick, tick);
    return events;
  }
}

export const alive = (ship) => ship.health > 0;

const placed = (ship, x, y, aim) => ({ ship, x, y, aim });
const still = (ship) => placed(ship, ship.x, ship.y, ship.aim);

function interpolate(from, to, fraction) {
  if (!to || !alive(from) || !alive(to) || Math.hypot(to.x - from.x, to.y - from.y) > TELEPORT_DISTANCE) {
    return still(from);
  }
  return placed(from, from.x + (to.x - from.x) * fraction, from.y + (to.y - from.y) * fraction, lerpAngle(from.aim, to.aim, fraction));
}

/** Along the shorter arc, in [0, 2π). */
export function lerpAngle(a, b, fraction) {
  const twoPi = 2 * Math.PI;
  const diff = ((((b - a) % twoPi) + 3 * Math.PI) % twoPi) - Math.PI;
  const r = (a + diff * fraction) % twoPi;
  return r < 0 ? r + twoPi : r;
}

// State frames of lancers.v5 (docs/PROTOCOL.md §7): SNAPSHOT 0x10 and DELTA 0x11, decoded as
// strictly as the Java reference (StateCodec): any violation throws a ProtocolError carrying the
// close code the stream deserves (1002 malformed, 1003 unknown values or out-of-range ids/sums).
// Pure: no DOM, no socket, so Node's test runner runs it as the browser does.

import { I16, I64, I8, PROTOCOL_ERROR, ProtocolError, Reader, U16, U31, U31_MAX, U32, U8, UNSUPPORTED_DATA } from './wire.js';

export { ProtocolError } from './wire.js';

export const SNAPSHOT = 0x10;
export const DELTA = 0x11;
export const HEADER_BYTES = 9;

const POSITION = 0.125;
const VELOCITY = 0.125;
const ANGLE = Math.fround((2 * Math.PI) / 65536);
const MAX_COUNT = 2 ** 21 - 1;

export const PHASES = ['playing', 'intermission'];
export const PICKUP_KINDS = ['health', 'power', 'lance'];
/** A projectile faster than this (units/s) is a charged lance (§7.6): the gun's shots fly 900, lances 1800. */
export const LANCE_MIN_SPEED = 1350;
/** Whether a decoded projectile is a charged lance, told by its speed (§7.6). */
export const isLance = (p) => Math.hypot(p.vx, p.vy) > LANCE_MIN_SPEED;

/** The world a SNAPSHOT is a delta against (§7.2). */
export const EMPTY_WORLD = Object.freeze({
  tick: 0,
  match: Object.freeze({ phase: 'playing', phaseEndTick: 0, killLimit: 0, seed: 0n, nextProjectileId: 0, round: 0,
    teamScores: Object.freeze({ red: 0, blue: 0 }) }),
  ships: Object.freeze([]),
  projectiles: Object.freeze([]),
  pickups: Object.freeze([]),
  events: Object.freeze([]),
});

const toPosition = (steps) => steps * POSITION;
const toVelocity = (steps) => steps * VELOCITY;
const toAngle = (steps) => Math.fround(Math.fround(steps) * ANGLE);
const fromPosition = (value) => Math.round(value / POSITION);
const fromVelocity = (value) => Math.round(value / VELOCITY);
const same = (value) => value;
/** §7.4 bit 6: the red score in the high u16, the blue in the low one. */
const toTeamScores = (value) => ({ red: Math.floor(value / 0x10000), blue: value % 0x10000 });
const fromTeamScores = (scores) => scores.red * 0x10000 + scores.blue;

const varintBytes = (value) => Math.max(1, Math.ceil(Math.log2(value + 1) / 7));

/** An absolute field: record property, encoding, wire → value and value → wire. */
const field = (name, encoding, decode = same, encode = same, max = encoding.max) => ({ name, encoding, decode, encode, max, increment: null, optional: false });
/** An absolute field added in lancers.v5: a new record carries it only when it is not 0 (absent: 0, §7.3). */
const optional = (name, encoding) => ({ ...field(name, encoding), optional: true });
/** An enum as its index in names; an unknown index is 1003. */
const ordinal = (name, names) => field(name, U8, (i) => names[i], (v) => names.indexOf(v), names.length - 1);
/** The field's one-byte step over the base's wire value (§7.5). */
const increment = (absolute, encoding) => ({ ...absolute, encoding, max: encoding.max, increment: absolute });

/**
 * One record's table (§7.4–7.8): a keyed one has its id first (a gap on the wire); mask bit i
 * selects fields[i]. A full table has no mask and always carries every field.
 */
function table(type, { key = null, masked, fields }) {
  let absoluteBits = 0;
  let optionalBits = 0;
  const exclusive = [];
  fields.forEach((f, i) => {
    if (f.increment) {
      exclusive.push((1 << i) | (1 << fields.indexOf(f.increment)));
    } else {
      absoluteBits |= 1 << i;
      optionalBits |= f.optional ? 1 << i : 0;
    }
  });
  const minEntryBytes = (key ? 1 : 0) + (masked ? 1 : fields.reduce((sum, f) => sum + f.encoding.bytes, 0));
  // Named once here, not per decoded value: the hot path builds no strings.
  const names = {
    fields: fields.map((f) => `${type}.${f.name}`),
    mask: `${type} mask`,
    removedCount: `${type} removed count`,
    removedIds: `${type} removed ids`,
    count: `${type} count`,
    ids: `${type} ids`,
  };
  return { type, key, masked, fields, names, absoluteBits, requiredBits: absoluteBits & ~optionalBits, exclusive, definedBits: 2 ** fields.length - 1, minEntryBytes,
    gapBytes: key ? varintBytes(key.max + 1) : 0 };
}

const SHIP_X = field('x', I16, toPosition, fromPosition);
const SHIP_Y = field('y', I16, toPosition, fromPosition);
const SHIP_VX = field('vx', I16, toVelocity, fromVelocity);
const SHIP_VY = field('vy', I16, toVelocity, fromVelocity);
const SHIP_LAST_INPUT_SEQ = field('lastInputSeq', U31);

export const MATCH = table('Match', {
  masked: true,
  fields: [
    ordinal('phase', PHASES),
    field('phaseEndTick', U31),
    field('killLimit', U16),
    field('seed', I64),
    field('nextProjectileId', U31),
    field('round', U16),
    field('teamScores', U32, toTeamScores, fromTeamScores),
  ],
});

export const SHIP = table('Ship', {
  key: { name: 'id', max: 0xffff },
  masked: true,
  fields: [
    increment(SHIP_X, I8),
    increment(SHIP_Y, I8),
    increment(SHIP_VX, I8),
    increment(SHIP_VY, I8),
    field('aim', U16, toAngle),
    increment(SHIP_LAST_INPUT_SEQ, U8),
    field('lastFireTick', U31),
    field('health', U8),
    field('respawnTick', U31),
    field('invulnerableUntil', U31),
    SHIP_X,
    SHIP_Y,
    SHIP_VX,
    SHIP_VY,
    field('kills', U16),
    field('deaths', U16),
    field('powerUntil', U31),
    SHIP_LAST_INPUT_SEQ,
    optional('lanceCharges', U8),
  ],
});

export const PROJECTILE = table('Projectile', {
  key: { name: 'id', max: U31_MAX },
  masked: false,
  fields: [
    field('ownerId', U16),
    field('x0', I16, toPosition),
    field('y0', I16, toPosition),
    field('vx', I16, toVelocity),
    field('vy', I16, toVelocity),
    field('spawnTick', U31),
    field('damage', U8),
  ],
});

export const PICKUP = table('Pickup', {
  key: { name: 'id', max: 0xff },
  masked: true,
  fields: [ordinal('kind', PICKUP_KINDS), field('x', I16, toPosition), field('y', I16, toPosition), field('availableAt', U31)],
});

/** Event kinds: the kind byte is the index (§7.8). */
export const EVENTS = [
  table('hit', { masked: false, fields: [field('targetId', U16), field('shooterId', U16), field('damage', U8)] }),
  table('kill', { masked: false, fields: [field('killerId', U16), field('victimId', U16)] }),
  table('pickupTaken', { masked: false, fields: [field('shipId', U16), field('pickupId', U8), ordinal('pickupKind', PICKUP_KINDS)] }),
  table('spawn', { masked: false, fields: [field('shipId', U16)] }),
];

/** A state frame's header (§7.1); throws on an empty frame (1002) or an unknown type (1003). */
export function decodeHeader(bytes) {
  return readHeader(new Reader(bytes));
}

function readHeader(r) {
  if (r.remaining() === 0) {
    throw new ProtocolError(PROTOCOL_ERROR, 'empty binary frame');
  }
  const kind = r.u8();
  if (kind !== SNAPSHOT && kind !== DELTA) {
    throw new ProtocolError(UNSUPPORTED_DATA, `unknown server frame type 0x${kind.toString(16)}`);
  }
  return { kind, tick: r.u31('tick'), baseTick: r.u31('baseTick') };
}

/**
 * The world a whole state frame brings `base` to (§8 steps 1–5). A SNAPSHOT ignores `base`; a
 * DELTA needs the world at its baseTick, else 1002 (the caller handles gaps before, §8).
 * @param {object|null} base
 * @param {Uint8Array} bytes
 */
export function applyFrame(base, bytes) {
  const r = new Reader(bytes);
  const header = readHeader(r);
  let from = EMPTY_WORLD;
  if (header.kind === DELTA) {
    if (!base || base.tick !== header.baseTick) {
      throw new ProtocolError(PROTOCOL_ERROR, `delta needs base tick ${header.baseTick}, have ${base ? base.tick : 'none'}`);
    }
    from = base;
  }
  const match = readEntry(r, MATCH, null, from.match);
  const ships = readSection(r, SHIP, from.ships);
  const projectiles = readSection(r, PROJECTILE, from.projectiles);
  const pickups = readSection(r, PICKUP, from.pickups);
  const events = readEvents(r);
  r.requireEnd(header.kind === SNAPSHOT ? 'SNAPSHOT' : 'DELTA');
  return { tick: header.tick, match, ships, projectiles, pickups, events };
}

function readEvents(r) {
  const count = r.u8();
  r.requireItems(count, 1 + 2, 'event');
  const events = [];
  for (let i = 0; i < count; i++) {
    const kind = r.u8();
    if (kind >= EVENTS.length) {
      throw new ProtocolError(UNSUPPORTED_DATA, `unknown event kind ${kind}`);
    }
    events.push({ kind: EVENTS[kind].type, ...readEntry(r, EVENTS[kind], null, null) });
  }
  return events;
}

/** Removed ids, then changed/added entries, merged into the base list sorted by id (§7.3, §8 step 3). */
function readSection(r, t, base) {
  const removedCount = r.varint(t.names.removedCount);
  r.requireItems(removedCount, 1, t.names.removedIds);
  const removed = [];
  let previous = -1;
  for (let i = 0; i < removedCount; i++) {
    previous = readKey(r, t, previous, t.names.removedIds);
    removed.push(previous);
  }
  const count = r.varint(t.names.count);
  if (count > MAX_COUNT) {
    throw new ProtocolError(PROTOCOL_ERROR, `${t.type} count ${count}`);
  }
  r.requireItems(count, t.minEntryBytes, t.names.ids);
  const merge = new Merge(t, base, removed);
  previous = -1;
  for (let i = 0; i < count; i++) {
    const key = readKey(r, t, previous, t.names.ids);
    previous = key;
    const old = merge.copyUpTo(key);
    merge.out.push(readEntry(r, t, key, old));
  }
  return merge.finish();
}

function readKey(r, t, previous, what) {
  const gap = r.varint(what, t.gapBytes);
  if (gap === 0) {
    throw new ProtocolError(PROTOCOL_ERROR, `${what} not strictly ascending (gap 0)`);
  }
  const key = previous + gap;
  if (key > t.key.max) {
    throw new ProtocolError(UNSUPPORTED_DATA, `${what} out of range: ${key}`);
  }
  return key;
}

/** Walks the base once: drops removed records, copies untouched ones, yields the ones entries patch. */
class Merge {
  constructor(t, base, removed) {
    this.t = t;
    this.base = base;
    this.removed = removed;
    this.out = [];
    this.b = 0;
    this.r = 0;
  }

  copyUpTo(key) {
    this.skipTo(key);
    const inBase = this.b < this.base.length && this.base[this.b].id === key;
    const isRemoved = this.r < this.removed.length && this.removed[this.r] === key;
    if (isRemoved && !inBase) {
      throw new ProtocolError(PROTOCOL_ERROR, `removed ${this.t.type} ${key} is not in the base`);
    }
    if (!inBase) {
      return null;
    }
    const old = this.base[this.b++];
    if (isRemoved) {
      this.r++;
      if (this.t.masked) {
        throw new ProtocolError(PROTOCOL_ERROR, `${this.t.type} ${key} removed and changed`);
      }
      return null; // a whole record removed and added again: replaced (§7.6)
    }
    if (!this.t.masked) {
      throw new ProtocolError(PROTOCOL_ERROR, `${this.t.type} ${key} added twice`);
    }
    return old;
  }

  finish() {
    this.skipTo(Infinity);
    return this.out;
  }

  skipTo(key) {
    for (; this.b < this.base.length && this.base[this.b].id < key; this.b++) {
      if (this.r < this.removed.length && this.removed[this.r] === this.base[this.b].id) {
        this.r++;
      } else {
        this.out.push(this.base[this.b]);
      }
    }
    if (this.r < this.removed.length && this.removed[this.r] < key) {
      throw new ProtocolError(PROTOCOL_ERROR, `removed ${this.t.type} ${this.removed[this.r]} is not in the base`);
    }
  }
}

/** One record: its mask (if masked) and the fields it selects; unselected ones keep the base's (§7.3). */
function readEntry(r, t, key, base) {
  let mask = t.absoluteBits;
  if (t.masked) {
    mask = readMask(r, t, key, base);
  }
  const record = t.key ? { id: key } : {};
  for (let i = 0; i < t.fields.length; i++) {
    const f = t.fields[i];
    const present = (mask & (1 << i)) !== 0;
    if (f.increment) {
      if (present) {
        const step = f.encoding.read(r, t.names.fields[i]);
        if (step === 0) {
          throw new ProtocolError(PROTOCOL_ERROR, `${t.names.fields[i]} increment of 0`);
        }
        const value = f.increment.encode(base[f.name]) + step;
        if (value < f.increment.encoding.min || value > f.increment.max) {
          throw new ProtocolError(UNSUPPORTED_DATA, `${t.names.fields[i]} out of range: ${value}`);
        }
        record[f.name] = f.increment.decode(value);
      }
    } else if (present) {
      const value = f.encoding.read(r, t.names.fields[i]);
      if (value > f.max) {
        throw new ProtocolError(UNSUPPORTED_DATA, `unknown ${t.names.fields[i]} value ${value}`);
      }
      record[f.name] = f.decode(value);
    } else if (!(f.name in record)) {
      record[f.name] = base === null ? 0 : base[f.name]; // no base: an optional field left out
    }
  }
  return record;
}

function readMask(r, t, key, base) {
  const mask = r.varint(t.names.mask);
  if (mask & ~t.definedBits) {
    throw new ProtocolError(PROTOCOL_ERROR, `${t.type} mask has undefined bits 0x${(mask & ~t.definedBits).toString(16)}`);
  }
  if (base === null && ((mask & ~t.absoluteBits) !== 0 || (mask & t.requiredBits) !== t.requiredBits)) {
    throw new ProtocolError(PROTOCOL_ERROR, `new ${t.type} ${key} needs exactly its absolute fields, mask 0x${mask.toString(16)}`);
  }
  for (const both of t.exclusive) {
    if ((mask & both) === both) {
      throw new ProtocolError(PROTOCOL_ERROR, `${t.type} mask 0x${mask.toString(16)} sends a field both as an increment and absolutely`);
    }
  }
  return mask;
}

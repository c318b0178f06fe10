// The HTTP broadcast's parts (docs/BROADCAST.md §2, §3): a full part (the stream's facts, roster,
// recent lines and a SNAPSHOT) and a delta part (one DELTA per tick and the control messages in
// between), checked as strictly as the Java reader (FullPart, DeltaPart): wrong magic, a newer
// version, lengths beyond the data, trailing bytes, frames that do not follow each other all throw
// a BroadcastFormatError naming what is wrong. Frame bodies are left to decoder.js. Pure.

import { decodeHeader, DELTA, SNAPSHOT } from './decoder.js';

export const FORMAT_VERSION = 2;
const FULL_MAGIC = 'LNCF';
const DELTA_MAGIC = 'LNCD';
const FRAME = 0x01;
const CONTROL = 0x02;
const U31_MAX = 0x7fffffff;

export class BroadcastFormatError extends Error {
  constructor(message) {
    super(message);
    this.name = 'BroadcastFormatError';
  }
}

class PartReader {
  constructor(bytes, what) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.position = 0;
    this.what = what;
  }

  remaining() {
    return this.bytes.length - this.position;
  }

  require(n, field) {
    if (this.remaining() < n) {
      throw new BroadcastFormatError(`${this.what}: truncated in ${field} (needs ${n} bytes, ${this.remaining()} left)`);
    }
  }

  magic(expected, kind) {
    if (this.remaining() < expected.length) {
      throw new BroadcastFormatError(`${this.what}: too short to be a ${kind} (${this.remaining()} bytes)`);
    }
    for (let i = 0; i < expected.length; i++) {
      if (this.bytes[this.position + i] !== expected.charCodeAt(i)) {
        throw new BroadcastFormatError(`${this.what}: not a ${kind} (wrong magic bytes)`);
      }
    }
    this.position += expected.length;
  }

  version() {
    const version = this.u8('format version');
    if (version > FORMAT_VERSION) {
      throw new BroadcastFormatError(`${this.what}: format version ${version} is newer than this page reads (${FORMAT_VERSION})`);
    }
    if (version === 0) {
      throw new BroadcastFormatError(`${this.what}: format version 0 does not exist`);
    }
  }

  u8(field) {
    this.require(1, field);
    return this.bytes[this.position++];
  }

  u31(field) {
    this.require(4, field);
    const value = this.view.getUint32(this.position);
    this.position += 4;
    if (value > U31_MAX) {
      throw new BroadcastFormatError(`${this.what}: ${field} out of range: ${value}`);
    }
    return value;
  }

  take(length, field) {
    this.require(length, field);
    const slice = this.bytes.subarray(this.position, this.position + length);
    this.position += length;
    return slice;
  }

  utf8(length, field) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(this.take(length, field));
    } catch (e) {
      if (e instanceof BroadcastFormatError) {
        throw e;
      }
      throw new BroadcastFormatError(`${this.what}: ${field} is not UTF-8`);
    }
  }

  json(length, field) {
    const text = this.utf8(length, field);
    try {
      return JSON.parse(text);
    } catch (e) {
      throw new BroadcastFormatError(`${this.what}: ${field} is not JSON: ${e.message}`);
    }
  }

  requireEnd() {
    if (this.remaining() !== 0) {
      throw new BroadcastFormatError(`${this.what}: ${this.remaining()} trailing bytes`);
    }
  }
}

/** A state frame's header, as a format error when the frame has none. */
function header(frame, what) {
  try {
    return decodeHeader(frame);
  } catch (e) {
    throw new BroadcastFormatError(`${what}: ${e.message}`);
  }
}

/** §2: { fragment, tick, info, roster (or null), recent[], snapshot }. */
export function readFullPart(bytes) {
  const r = new PartReader(bytes, 'full part');
  r.magic(FULL_MAGIC, 'Lancers full part');
  r.version();
  const fragment = r.u31('fragment');
  const tick = r.u31('tick');
  const control = r.json(r.u31('control length'), 'control JSON');
  const snapshot = r.take(r.u31('snapshot length'), 'snapshot');
  r.requireEnd();
  const h = header(snapshot, 'full part snapshot');
  if (h.kind !== SNAPSHOT || h.tick !== tick) {
    throw new BroadcastFormatError(`full part: its frame is not a SNAPSHOT of tick ${tick}`);
  }
  if (control === null || typeof control !== 'object' || !control.info || !Array.isArray(control.recent)) {
    throw new BroadcastFormatError('full part control: needs "info" and a "recent" array');
  }
  return { fragment, tick, info: control.info, roster: control.roster ?? null, recent: control.recent, snapshot };
}

/** §3: { fragment, fromTick, toTick, entries: [{ kind: 'frame', tick, frame } | { kind: 'control', tick, message }] }. */
export function readDeltaPart(bytes) {
  const r = new PartReader(bytes, 'delta part');
  r.magic(DELTA_MAGIC, 'Lancers delta part');
  r.version();
  const fragment = r.u31('fragment');
  const fromTick = r.u31('fromTick');
  const toTick = r.u31('toTick');
  const count = r.u31('entry count');
  if (toTick < fromTick) {
    throw new BroadcastFormatError(`delta part: toTick ${toTick} before fromTick ${fromTick}`);
  }
  if (count * 9 > r.remaining()) {
    throw new BroadcastFormatError(`delta part: ${count} entries cannot fit in ${r.remaining()} bytes`);
  }
  const entries = [];
  let at = fromTick;
  for (let i = 0; i < count; i++) {
    const kind = r.u8('entry kind');
    const tick = r.u31('entry tick');
    const length = r.u31('entry length');
    if (kind === FRAME) {
      if (tick !== at + 1) {
        throw new BroadcastFormatError(`delta part: frame of tick ${tick} where ${at + 1} belongs`);
      }
      const frame = r.take(length, `frame of tick ${tick}`);
      const h = header(frame, `delta part frame of tick ${tick}`);
      if (h.kind !== DELTA || h.tick !== tick || h.baseTick !== tick - 1) {
        throw new BroadcastFormatError(`delta part: the frame of tick ${tick} is not a DELTA from tick ${tick - 1}`);
      }
      entries.push({ kind: 'frame', tick, frame });
      at = tick;
    } else if (kind === CONTROL) {
      if (tick !== at) {
        throw new BroadcastFormatError(`delta part: control message tagged ${tick} at tick ${at}`);
      }
      const message = r.json(length, 'control message');
      if (message === null || typeof message !== 'object' || typeof message.type !== 'string') {
        throw new BroadcastFormatError('delta part: a control message without a type');
      }
      entries.push({ kind: 'control', tick, message });
    } else {
      throw new BroadcastFormatError(`delta part: unknown entry kind ${kind}`);
    }
  }
  r.requireEnd();
  if (at !== toTick) {
    throw new BroadcastFormatError(`delta part: frames end at tick ${at}, header says ${toTick}`);
  }
  return { fragment, fromTick, toTick, entries };
}

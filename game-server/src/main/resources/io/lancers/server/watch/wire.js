// The byte layer of lancers.v5 state frames (docs/PROTOCOL.md §7.3): big-endian reads with a
// bounds check on every read, varints as strict as the Java ByteReader, the field encodings, and
// the ProtocolError every violation becomes (with the close code it deserves). Pure.

export const PROTOCOL_ERROR = 1002;
export const UNSUPPORTED_DATA = 1003;
export const U31_MAX = 0x7fffffff;
/** Masks and counts are varints of at most 3 bytes (§7.3). */
const SHORT_VARINT_BYTES = 3;

export class ProtocolError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'ProtocolError';
    this.code = code;
  }
}

/** Big-endian reads with a bounds check on every read; a short frame is 1002. */
export class Reader {
  constructor(bytes) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.position = 0;
  }

  remaining() {
    return this.bytes.length - this.position;
  }

  require(n) {
    if (this.remaining() < n) {
      throw new ProtocolError(PROTOCOL_ERROR, `frame truncated at byte ${this.position}`);
    }
  }

  requireItems(count, itemBytes, what) {
    if (count * itemBytes > this.remaining()) {
      throw new ProtocolError(PROTOCOL_ERROR, `${what} count ${count} exceeds the frame (${this.remaining()} bytes left)`);
    }
  }

  /** A fixed-size big-endian value read by one of DataView's getters. */
  fixed(bytes, getter) {
    this.require(bytes);
    const value = getter.call(this.view, this.position);
    this.position += bytes;
    return value;
  }

  u8() {
    return this.fixed(1, DataView.prototype.getUint8);
  }

  i8() {
    return this.fixed(1, DataView.prototype.getInt8);
  }

  u16() {
    return this.fixed(2, DataView.prototype.getUint16);
  }

  i16() {
    return this.fixed(2, DataView.prototype.getInt16);
  }

  /** A u32 that must stay within 0 … 2³¹−1 (§ conventions): above is 1003. */
  u31(what) {
    const value = this.fixed(4, DataView.prototype.getUint32);
    if (value > U31_MAX) {
      throw new ProtocolError(UNSUPPORTED_DATA, `${what} out of range: ${value}`);
    }
    return value;
  }

  u32() {
    return this.fixed(4, DataView.prototype.getUint32);
  }

  i64() {
    return this.fixed(8, DataView.prototype.getBigInt64);
  }

  /** Unsigned LEB128 of at most maxBytes bytes, and no longer than its value needs (§7.3). */
  varint(what, maxBytes = SHORT_VARINT_BYTES) {
    let value = 0;
    for (let i = 0; i < maxBytes; i++) {
      const b = this.u8();
      value += (b & 0x7f) * 2 ** (7 * i);
      if ((b & 0x80) === 0) {
        if (b === 0 && i > 0) {
          throw new ProtocolError(PROTOCOL_ERROR, `${what} varint longer than needed`);
        }
        return value;
      }
    }
    throw new ProtocolError(PROTOCOL_ERROR, `${what} varint longer than ${maxBytes} bytes`);
  }

  requireEnd(frame) {
    if (this.position !== this.bytes.length) {
      throw new ProtocolError(PROTOCOL_ERROR, `${frame} has ${this.remaining()} trailing bytes`);
    }
  }
}

// Wire encodings: how a field is read, its smallest and largest value.
export const U8 = { bytes: 1, read: (r) => r.u8(), min: 0, max: 0xff };
export const I8 = { bytes: 1, read: (r) => r.i8(), min: -128, max: 127 };
export const U16 = { bytes: 2, read: (r) => r.u16(), min: 0, max: 0xffff };
export const I16 = { bytes: 2, read: (r) => r.i16(), min: -32768, max: 32767 };
export const U31 = { bytes: 4, read: (r, what) => r.u31(what), min: 0, max: U31_MAX };
/** All 32 bits: two u16 side by side (§7.4 teamScores). */
export const U32 = { bytes: 4, read: (r) => r.u32(), min: 0, max: 0xffffffff };
export const I64 = { bytes: 8, read: (r) => r.i64(), min: -Infinity, max: Infinity };

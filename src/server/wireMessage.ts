// Just enough of the y-protocols wire format (as Hocuspocus frames it) to find the Yjs update a
// message carries: varString document name, varUint message type, then for a sync message a
// varUint sync type and, for "step 2" and "update", the update as a varUint8Array.

const MESSAGE_SYNC = 0;
const MESSAGE_SYNC_REPLY = 4;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

class Reader {
  pos = 0;
  constructor(private bytes: Uint8Array) {}
  varUint(): number {
    let n = 0;
    let shift = 1;
    for (;;) {
      if (this.pos >= this.bytes.length) throw new RangeError('message ends early');
      const b = this.bytes[this.pos++]!;
      n += (b & 0x7f) * shift;
      if (b < 0x80) return n;
      shift *= 128;
      if (shift > 2 ** 53) throw new RangeError('number too long');
    }
  }
  bytesOf(length: number): Uint8Array {
    if (this.pos + length > this.bytes.length) throw new RangeError('message ends early');
    const out = this.bytes.subarray(this.pos, this.pos + length);
    this.pos += length;
    return out;
  }
}

/** The Yjs update inside a message, or null when it carries none (awareness, auth, sync step 1…). */
export function updateInMessage(message: Uint8Array): Uint8Array | null {
  const r = new Reader(message);
  r.bytesOf(r.varUint()); // document name
  const type = r.varUint();
  if (type !== MESSAGE_SYNC && type !== MESSAGE_SYNC_REPLY) return null;
  const sync = r.varUint();
  if (sync !== SYNC_STEP_2 && sync !== SYNC_UPDATE) return null;
  return r.bytesOf(r.varUint());
}

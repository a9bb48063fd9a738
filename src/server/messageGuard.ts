import * as Y from 'yjs';
import { checkTouched, type Touched, touchedRecords } from '../core/sync';
import { updateInMessage } from './wireMessage';

// Each message an edit connection sends is checked before Hocuspocus applies it: how many the
// connection sent in the last second, and whether the records the update touches still read as
// a valid workspace. The update is applied first to a shadow copy of the room's doc (kept per
// room and brought up to date before each check), so the room's doc never holds a refused update
// and the other clients never receive it; only the touched records are checked, so the cost is
// the edit's, not the workspace's. A refused message closes that connection with a reason; the
// others carry on. Message size is capped lower down, by the WebSocket server (maxPayload).

export interface GuardLimits {
  maxMessagesPerSecond: number;
}

/** Reasons the client receives when the server closes its connection to the room. */
export const REFUSED_UPDATE = 'update refused: it would break the workspace';
export const TOO_MANY_MESSAGES = 'too many messages';

class Refused extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** A room nobody has written a workspace into yet (a client joining with an empty doc sends an empty update). */
const isEmpty = (doc: Y.Doc): boolean => [...doc.share.values()].every((type) => type._start === null && type._map.size === 0);

export class MessageGuard {
  private recent = new WeakMap<object, number[]>();
  private shadows = new WeakMap<Y.Doc, Y.Doc>();

  constructor(private limits: GuardLimits) {}

  /**
   * Throws (which makes Hocuspocus close the connection, giving the reason) when the message is
   * refused. A read-only connection is only counted: Hocuspocus itself never applies its updates.
   */
  check(connection: { readOnly: boolean }, doc: Y.Doc, message: Uint8Array): void {
    this.count(connection);
    if (connection.readOnly) return;
    let update: Uint8Array | null;
    try {
      update = updateInMessage(message);
    } catch {
      throw new Refused(REFUSED_UPDATE);
    }
    if (update && !this.wouldStayValid(doc, update)) throw new Refused(REFUSED_UPDATE);
  }

  private count(connection: object): void {
    const now = Date.now();
    const times = (this.recent.get(connection) ?? []).filter((t) => now - t < 1000);
    times.push(now);
    this.recent.set(connection, times);
    if (times.length > this.limits.maxMessagesPerSecond) throw new Refused(TOO_MANY_MESSAGES);
  }

  /** The room's shadow, holding everything the room's doc holds. */
  private shadowOf(doc: Y.Doc): Y.Doc {
    let shadow = this.shadows.get(doc);
    if (!shadow) {
      shadow = new Y.Doc();
      this.shadows.set(doc, shadow);
    }
    Y.applyUpdate(shadow, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(shadow)));
    return shadow;
  }

  private wouldStayValid(doc: Y.Doc, update: Uint8Array): boolean {
    const shadow = this.shadowOf(doc);
    let touched: Touched | null = null;
    const listen = (txn: Y.Transaction) => (touched = touchedRecords(shadow, txn));
    shadow.on('afterTransaction', listen);
    let ok: boolean;
    try {
      Y.applyUpdate(shadow, update);
      ok = touched === null || isEmpty(shadow) || checkTouched(shadow, touched).ok;
    } catch {
      ok = false; // an update Yjs cannot read
    } finally {
      shadow.off('afterTransaction', listen);
    }
    // A refused update stays in the shadow: start it again from the room's doc next time.
    if (!ok) this.shadows.delete(doc);
    return ok;
  }
}

import { createHash, timingSafeEqual } from 'node:crypto';
import { MIN_SECRET_LENGTH, ROOM_NAME, SECRET_CHARS as SECRET } from '../core/sync/shareLink';
import type { RoomStore, Secrets } from './roomStore';

// Who may enter a room. The document name is the workspace id; the token the client sends is
// the secret from its link: `<edit secret>` or `<read-only secret>`, and, the first time, the
// claim `<edit secret>.<read-only secret>` (the room's creator registers both). The server keeps
// only SHA-256 hashes: the secrets are at least 128 random bits, so there is no dictionary to
// guess from and a slow password hash would add nothing but time on every connection.


export type Access = 'edit' | 'read';

export class AccessDenied extends Error {}

export const hashSecret = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');

const sameHash = (a: string, b: string): boolean => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

function parseToken(token: string): { secret: string; readSecret: string | null } {
  const [secret = '', readSecret, ...rest] = token.split('.');
  if (rest.length > 0 || !SECRET.test(secret) || (readSecret !== undefined && !SECRET.test(readSecret))) throw new AccessDenied('malformed secret');
  return { secret, readSecret: readSecret ?? null };
}

function claimWith(store: RoomStore, room: string, secret: string, readSecret: string | null): Secrets | null {
  if (secret.length < MIN_SECRET_LENGTH || (readSecret !== null && readSecret.length < MIN_SECRET_LENGTH)) throw new AccessDenied('secret too short to claim a room');
  store.claim(room, { editHash: hashSecret(secret), readHash: readSecret === null ? null : hashSecret(readSecret) });
  // Read back: when two clients claim at once, the one stored first owns the room.
  return store.secrets(room);
}

/**
 * "Stop sharing": an edit connection sends the stateless message
 * `{"type":"rotate-secrets","edit":"<new>","read":"<new>"|null}`; the room's hashes are replaced,
 * so every link made before stops working. Returns false for anything else.
 */
export function rotateSecrets(store: RoomStore, room: string, payload: string): boolean {
  let message: unknown;
  try {
    message = JSON.parse(payload);
  } catch {
    return false;
  }
  const { type, edit, read } = (message ?? {}) as { type?: unknown; edit?: unknown; read?: unknown };
  const strong = (s: unknown): s is string => typeof s === 'string' && SECRET.test(s) && s.length >= MIN_SECRET_LENGTH;
  if (type !== 'rotate-secrets' || !strong(edit) || (read !== null && read !== undefined && !strong(read))) return false;
  store.replaceSecrets(room, { editHash: hashSecret(edit), readHash: strong(read) ? hashSecret(read) : null });
  return true;
}

/** The access a token gives to a room, claiming the room when nobody has; throws AccessDenied otherwise. */
export function accessFor(store: RoomStore, room: string, token: string | null | undefined): Access {
  if (!ROOM_NAME.test(room)) throw new AccessDenied('bad room name');
  const { secret, readSecret } = parseToken(token ?? '');
  const secrets = store.secrets(room) ?? claimWith(store, room, secret, readSecret);
  const hash = hashSecret(secret);
  if (secrets && sameHash(hash, secrets.editHash)) return 'edit';
  if (secrets?.readHash && sameHash(hash, secrets.readHash)) return 'read';
  throw new AccessDenied('wrong secret');
}

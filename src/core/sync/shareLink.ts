// A share link: the app's address with `#/join/<room>/<secret>` as its fragment. A fragment is
// never sent in an HTTP request, so the secret stays out of server and proxy logs; the app reads
// it, keeps it on the device and takes it out of the address bar. The room is the workspace's id.

/** The rules the server holds a link to (src/server/access), and the app before it asks. */
export const ROOM_NAME = /^[A-Za-z0-9._:-]{1,200}$/;
export const SECRET_CHARS = /^[A-Za-z0-9_-]+$/;
/** 128 bits as base64url is 22 characters: the shortest secret that may claim a room. */
export const MIN_SECRET_LENGTH = 22;
const MAX_SECRET_LENGTH = 200;
const isSecret = (s: string): boolean => SECRET_CHARS.test(s) && s.length >= MIN_SECRET_LENGTH && s.length <= MAX_SECRET_LENGTH;
const JOIN = /^#\/join\/([^/]+)\/([^/?#]+)$/;
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export interface ShareLink {
  room: string;
  secret: string;
}

/** 128 random bits, base64url (22 characters): the least the server accepts. */
export function newSecret(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += BASE64URL[(value >> bits) & 63];
    }
    value &= (1 << bits) - 1;
  }
  return bits > 0 ? out + BASE64URL[(value << (6 - bits)) & 63] : out;
}

export function shareHash(link: ShareLink): string {
  return `#/join/${encodeURIComponent(link.room)}/${link.secret}`;
}

/** The link in an address's fragment, or null when it holds none (or a damaged one). */
export function parseShareHash(hash: string): ShareLink | null {
  const m = JOIN.exec(hash);
  if (!m) return null;
  let room: string;
  try {
    room = decodeURIComponent(m[1]!);
  } catch {
    return null;
  }
  return ROOM_NAME.test(room) && isSecret(m[2]!) ? { room, secret: m[2]! } : null;
}

/** Whether the fragment is meant as a share link (damaged or not): the app says so rather than ignoring it. */
export const looksLikeShareHash = (hash: string): boolean => hash.startsWith('#/join/');

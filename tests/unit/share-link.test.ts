import { describe, expect, it } from 'vitest';
import { looksLikeShareHash, newSecret, parseShareHash, shareHash } from '../../src/core/sync/shareLink';
import { readEntry } from '../../src/persistence/registryRows';
import { colourOf, PEER_COLOURS, readPeer } from '../../src/live/presence';

describe('share links', () => {
  it('makes secrets of 128 random bits as 22 base64url characters, never the same twice', () => {
    const secrets = Array.from({ length: 200 }, newSecret);
    for (const s of secrets) expect(s).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(new Set(secrets).size).toBe(200);
    // 128 bits in 22 characters: the last one carries 2 bits, so only 4 of 64 letters end a secret.
    expect(new Set(secrets.map((s) => s[21])).size).toBeLessThanOrEqual(4);
    // Every other position uses the whole alphabet over 200 secrets (not a fixed or biased one).
    expect(new Set(secrets.map((s) => s[0])).size).toBeGreaterThan(40);
  });

  it('reads back the room and secret it wrote, in the fragment', () => {
    const link = { room: 'room-73371ccc25b8', secret: newSecret() };
    expect(shareHash(link)).toBe(`#/join/room-73371ccc25b8/${link.secret}`);
    expect(parseShareHash(shareHash(link))).toEqual(link);
  });

  it('refuses a link cut short or tampered with, while still recognising it as a share link', () => {
    const good = shareHash({ room: 'room-1', secret: newSecret() });
    for (const bad of [good.slice(0, -3), '#/join/room-1/', '#/join//abc', '#/join/ro%ZZom/' + newSecret(), '#/join/a b/' + newSecret(), good + '/extra']) {
      expect(parseShareHash(bad)).toBeNull();
      expect(looksLikeShareHash(bad)).toBe(true);
    }
    expect(looksLikeShareHash('#/map/m-1')).toBe(false);
  });
});

describe('a shared workspace in the list of workspaces', () => {
  const base = { id: 'ws-1', dbName: 'lanemap-ws-1', name: 'Ours', createdAt: 1, openedAt: 1, updatedAt: 1 };

  it('keeps a readable link, and drops one that cannot be used rather than the workspace', () => {
    const live = { room: 'room-1', secret: 'a'.repeat(22), readSecret: null, access: 'read' };
    expect(readEntry({ ...base, live })?.live).toEqual(live);
    for (const broken of [{ room: 'room-1' }, { ...live, secret: 7 }, { ...live, readSecret: '' }, { ...live, access: 'admin' }, 'room-1']) {
      const entry = readEntry({ ...base, live: broken });
      expect(entry?.name).toBe('Ours');
      expect(entry && 'live' in entry).toBe(false);
    }
  });
});

describe('presence read from others', () => {
  it('takes a name, a colour of ours, the open map and the selection', () => {
    expect(readPeer(7, { user: { name: ' Ben Okafor ', color: PEER_COLOURS[2], mapId: 'm-adm', selection: ['n-1', 'n-2'] } })).toEqual({
      id: 7,
      name: 'Ben Okafor',
      color: PEER_COLOURS[2],
      mapId: 'm-adm',
      selection: ['n-1', 'n-2'],
    });
  });

  it('reads anyone’s JSON defensively: no user is nobody, a foreign colour is replaced, odd fields are dropped', () => {
    expect(readPeer(1, null)).toBeNull();
    expect(readPeer(1, { cursor: 3 })).toBeNull();
    const odd = readPeer(2, { user: { name: 'x'.repeat(500), color: 'url(javascript:alert(1))', mapId: 42, selection: ['n-1', 3, { id: 'n-2' }] } })!;
    expect(odd.name).toHaveLength(80);
    expect(PEER_COLOURS).toContain(odd.color);
    expect(odd.mapId).toBeNull();
    expect(odd.selection).toEqual(['n-1']);
    expect(readPeer(3, { user: { name: '   ' } })!.name).toBe('Someone');
    expect(readPeer(4, { user: { selection: Array.from({ length: 5000 }, (_, i) => `n-${i}`) } })!.selection).toHaveLength(500);
  });

  it('gives a person the same colour every time, and spreads names over the colours', () => {
    expect(colourOf('Ana Silva')).toBe(colourOf('Ana Silva'));
    const names = ['Ana', 'Ben', 'Cleo', 'Dev', 'Eve', 'Femi', 'Gus', 'Hana', 'Ivo', 'Jun', 'Kai', 'Lea', 'Mo', 'Nia', 'Oto', 'Pia'];
    expect(new Set(names.map(colourOf)).size).toBeGreaterThanOrEqual(5);
  });
});

// Which lane a long edge runs in while it crosses columns. Lanes are fixed bands, so most
// crossings of a banded drawing are an edge changing lanes (a jog) cutting across edges that
// run along the lanes in between. Each long edge keeps to its source's lane, then to its
// target's, and changes once (a single jog keeps it straight, and measured fewer crossings
// than several smaller ones): in the channel where its jog cuts across the least traffic
// running along the lanes, and its runs along the lanes are cut by the fewest other jogs.

import type { Layered } from './layers';

const PASSES = 4;

export function assignDummyLanes(L: Layered): void {
  const lanes = L.laneCount;
  const size = (L.layers.length + 1) * lanes;
  // Per channel and lane: links running flat along the lane, and jogs passing through it
  // (half for the lanes a jog starts or ends in: whether it crosses there is up to the order).
  const flat = new Float64Array(size);
  const jogs = new Float64Array(size);
  // Per channel and lane boundary (below lane l): jogs down and up across it, weighted by
  // 1 / their length, so a sum over a jog's boundaries estimates how many jogs the other
  // way it overlaps, and must cross.
  const down = new Float64Array(size);
  const up = new Float64Array(size);
  const laneOf = (item: number) => L.lane[item >= L.nodes && L.owner[item]! >= 0 ? L.owner[item]! : item]!;
  const channelOf = (a: number, b: number) => Math.max(L.layer[a]!, L.layer[b]!);
  const addLink = (ch: number, a: number, b: number, sign: number) => {
    const base = ch * lanes;
    if (a === b) {
      flat[base + a]! += sign;
      return;
    }
    jogs[base + a]! += sign / 2;
    jogs[base + b]! += sign / 2;
    for (let l = Math.min(a, b) + 1; l < Math.max(a, b); l++) jogs[base + l]! += sign;
    const across = b > a ? down : up;
    for (let l = Math.min(a, b); l < Math.max(a, b); l++) across[base + l]! += sign / Math.abs(b - a);
  };
  const jogCost = (ch: number, a: number, b: number) => {
    const base = ch * lanes;
    let cost = 0.5 * (flat[base + a]! + flat[base + b]!);
    for (let l = Math.min(a, b) + 1; l < Math.max(a, b); l++) cost += flat[base + l]!;
    const against = b > a ? up : down;
    for (let l = Math.min(a, b); l < Math.max(a, b); l++) cost += against[base + l]!;
    return cost;
  };
  const count = (chain: number[], sign: number) => {
    for (let i = 0; i + 1 < chain.length; i++) addLink(channelOf(chain[i]!, chain[i + 1]!), laneOf(chain[i]!), laneOf(chain[i + 1]!), sign);
  };

  // Start like the naive drawing: every long edge keeps to its source's lane.
  const long = L.chain.filter((c) => c.length >= 3);
  for (const chain of long) {
    const s = laneOf(chain[0]!);
    for (let i = 1; i + 1 < chain.length; i++) L.lane[chain[i]!] = s;
  }
  // Links between two nodes are traffic that never moves.
  for (let a = 0; a < L.nodes; a++) for (const b of L.right[a]!) if (b < L.nodes) addLink(channelOf(a, b), L.lane[a]!, L.lane[b]!, 1);
  for (const chain of long) count(chain, 1);

  for (let pass = 0; pass < PASSES; pass++) {
    let moved = false;
    for (const chain of long) {
      const s = laneOf(chain[0]!);
      const t = laneOf(chain[chain.length - 1]!);
      const m = chain.length - 2;
      count(chain, -1);
      // Jog on link p (0..m): items 1..p stay in s, items p+1..m move to t.
      // Cost of the flat links: before the jog in s, after it in t (prefix sums).
      const links = chain.length - 1;
      const ch = (i: number) => channelOf(chain[i]!, chain[i + 1]!);
      const inS = new Float64Array(links + 1);
      const inT = new Float64Array(links + 1);
      for (let i = 0; i < links; i++) {
        inS[i + 1] = inS[i]! + jogs[ch(i) * lanes + s]!;
        inT[i + 1] = inT[i]! + jogs[ch(i) * lanes + t]!;
      }
      let best = m;
      let bestCost = Infinity;
      for (let p = m; p >= 0; p--) {
        const cost = s === t ? 0 : inS[p]! + jogCost(ch(p), s, t) + (inT[links]! - inT[p + 1]!);
        if (cost < bestCost - 1e-9) {
          bestCost = cost;
          best = p;
        }
      }
      for (let i = 1; i <= m; i++) {
        const lane = i <= best ? s : t;
        if (L.lane[chain[i]!] !== lane) moved = true;
        L.lane[chain[i]!] = lane;
      }
      count(chain, 1);
    }
    if (!moved) break;
  }
}

// The broadcast's parts (docs/BROADCAST.md §2–§4) as the Java writer makes them
// (fixtures/recorded-parts.json, see RecordedPartsTest.java): read strictly, played in real time,
// they give the very worlds the recorded live frames give.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readDeltaPart, readFullPart, BroadcastFormatError } from '../../main/resources/io/lancers/server/watch/parts.js';
import { Playback } from '../../main/resources/io/lancers/server/watch/playback.js';
import { applyFrame } from '../../main/resources/io/lancers/server/watch/decoder.js';

const hex = (text) => Uint8Array.from(text.match(/../g).map((h) => parseInt(h, 16)));
const fixture = (name) => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
const parts = fixture('recorded-parts.json').fragments.map((f) => ({ full: hex(f.full), delta: hex(f.delta) }));
const frames = fixture('recorded-frames.json').frames.map(hex);

test('a full part: facts, roster, recent lines and the snapshot', () => {
  const full = readFullPart(parts[0].full);
  assert.equal(full.fragment, 1796300000);
  assert.equal(full.info.matchId, 'm1');
  assert.equal(full.info.fragmentTicks, 40);
  assert.equal(full.roster.type, 'roster');
  assert.deepEqual(full.recent, []);
  assert.equal(full.tick, applyFrame(null, frames[0]).tick);
  assert.deepEqual(readFullPart(parts[2].full).recent.map((m) => m.text), ['gg'], 'the chat line is recent later');
});

test('delta parts hold one frame per tick and the control messages between', () => {
  const delta = readDeltaPart(parts[1].delta);
  assert.equal(delta.toTick - delta.fromTick, 40);
  const kinds = delta.entries.map((e) => e.kind);
  assert.equal(kinds.filter((k) => k === 'frame').length, 40);
  assert.deepEqual(delta.entries.filter((e) => e.kind === 'control').map((e) => e.message.text), ['gg']);
});

test('played from any full part, the stream gives the live worlds tick by tick', () => {
  const live = [];
  let world = null;
  for (const frame of frames) {
    world = applyFrame(world, frame);
    live.push(world);
  }
  const byTick = new Map(live.map((w) => [w.tick, w]));
  for (let start = 0; start < parts.length; start++) {
    const playback = new Playback(60);
    const first = playback.start(readFullPart(parts[start].full), 0);
    assert.deepEqual(first, { ...byTick.get(first.tick), events: first.events }, 'the snapshot is the live world');
    for (let i = start; i < parts.length; i++) {
      playback.append(readDeltaPart(parts[i].delta));
    }
    const played = playback.due(1e9).filter((step) => step.world).map((step) => step.world);
    assert.equal(played.at(-1).tick, live.at(-1).tick);
    for (const w of played) {
      assert.deepEqual(w, byTick.get(w.tick), `tick ${w.tick} from fragment ${start}`);
    }
  }
});

test('parts of format version 1 (lancers.v2 frames, before v5) still play to the worlds their frames give', () => {
  const oldParts = fixture('recorded-parts-v1.json').fragments.map((f) => ({ full: hex(f.full), delta: hex(f.delta) }));
  assert.equal(oldParts[0].full[4], 1, 'a version 1 part');
  let world = null;
  const byTick = new Map(fixture('recorded-frames-v2.json').frames.map((f) => {
    world = applyFrame(world, hex(f));
    return [world.tick, world];
  }));
  const playback = new Playback(60);
  playback.start(readFullPart(oldParts[0].full), 0);
  for (const part of oldParts) {
    playback.append(readDeltaPart(part.delta));
  }
  const played = playback.due(1e9).filter((step) => step.world).map((step) => step.world);
  assert.ok(played.length > 100);
  for (const w of played) {
    assert.deepEqual(w, byTick.get(w.tick), `tick ${w.tick}`);
  }
});

test('the clock plays in real time and waits when the parts run out', () => {
  const playback = new Playback(60);
  const start = playback.start(readFullPart(parts[0].full), 1000).tick;
  playback.append(readDeltaPart(parts[0].delta));
  assert.equal(playback.due(1000 + 500).filter((s) => s.world).at(-1).world.tick, start + 30);
  assert.equal(playback.starved, false);
  playback.due(1000 + 5000);
  assert.equal(playback.starved, true, 'ran out after 40 ticks');
  assert.equal(playback.world.tick, start + 40);
  playback.append(readDeltaPart(parts[1].delta));
  assert.equal(playback.due(6000 + 100).filter((s) => s.world).at(-1).world.tick, start + 46, 'runs on from where it waited');
  assert.throws(() => playback.append(readDeltaPart(parts[1].delta)), BroadcastFormatError, 'a part out of order');
});

test('damaged parts are refused with a reason', () => {
  const refused = (bytes, reader, message) => assert.throws(() => reader(bytes), (e) => e instanceof BroadcastFormatError && message.test(e.message));
  refused(parts[0].delta, readFullPart, /not a Lancers full part/);
  refused(parts[0].full.subarray(0, 20), readFullPart, /truncated/);
  refused(Uint8Array.from([...parts[0].full, 0]), readFullPart, /1 trailing bytes/);
  const newer = Uint8Array.from(parts[0].full);
  newer[4] = 3;
  refused(newer, readFullPart, /format version 3 is newer/);
  refused(parts[1].delta.subarray(0, parts[1].delta.length - 3), readDeltaPart, /truncated/);
  const skipped = Uint8Array.from(parts[1].delta);
  new DataView(skipped.buffer).setUint32(9, readDeltaPart(parts[1].delta).fromTick + 1); // fromTick off by one
  refused(skipped, readDeltaPart, /frame of tick \d+ where \d+ belongs/);
});

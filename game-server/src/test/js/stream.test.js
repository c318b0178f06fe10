// §8 on recorded frames: a lost frame is a gap, answered by exactly one resync, and every DELTA
// is dropped until the next SNAPSHOT.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { StateStream } from '../../main/resources/io/lancers/server/watch/stream.js';
import { applyFrame } from '../../main/resources/io/lancers/server/watch/decoder.js';

const hex = (text) => Uint8Array.from(text.match(/../g).map((h) => parseInt(h, 16)));
const frames = JSON.parse(readFileSync(new URL('./fixtures/recorded-frames.json', import.meta.url))).frames.map(hex);

test('frames in order chain from the snapshot', () => {
  let asked = 0;
  const stream = new StateStream(() => asked++);
  frames.forEach((frame) => assert.ok(stream.accept(frame)));
  assert.equal(asked, 0);
  assert.equal(stream.world.tick, applyFrame(null, frames[0]).tick + frames.length - 1);
});

test('a gap asks for one resync and drops deltas until a snapshot', () => {
  let asked = 0;
  const stream = new StateStream(() => asked++);
  stream.accept(frames[0]);
  stream.accept(frames[1]);
  assert.equal(stream.accept(frames[3]), null, 'frame 2 lost');
  assert.equal(stream.accept(frames[4]), null);
  assert.equal(stream.accept(frames[2]), null, 'even a delta that would chain waits for the snapshot');
  assert.equal(asked, 1);
  assert.equal(stream.gaps, 3);
  const snapshotOf5 = (() => {
    let world = null;
    frames.slice(0, 6).forEach((f) => { world = applyFrame(world, f); });
    return world;
  })();
  // The server's answer: a SNAPSHOT of a newer tick; here, the recorded snapshot starts over.
  assert.ok(stream.accept(frames[0]));
  assert.ok(stream.accept(frames[1]));
  assert.equal(stream.awaitingSnapshot, false);
  assert.ok(snapshotOf5.tick > stream.world.tick);
});

test('a delta before any world is a gap too', () => {
  let asked = 0;
  const stream = new StateStream(() => asked++);
  assert.equal(stream.accept(frames[1]), null);
  assert.equal(asked, 1);
});

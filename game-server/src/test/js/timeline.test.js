// Interpolation as the desktop client's ClientWorld: others are shown two ticks in the past,
// between the worlds around that instant; a teleport snaps; time going backwards starts over.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Timeline, lerpAngle } from '../../main/resources/io/lancers/server/watch/timeline.js';

const ship = (x, health = 100) => ({ id: 1, x, y: 0, vx: 0, vy: 0, aim: 0, health });
const world = (tick, x, health) => ({ tick, match: {}, ships: [ship(x, health)], projectiles: [], pickups: [], events: [] });

test('between two worlds, two ticks in the past', () => {
  const timeline = new Timeline(50); // 20 ms ticks
  timeline.push(world(10, 0), 1000);
  timeline.push(world(11, 10), 1020);
  // At 1050 the render tick is (1050 - 40 - 800) / 20 = 10.5: halfway.
  const frame = timeline.sample(1050);
  assert.equal(frame.renderTick, 10.5);
  assert.equal(frame.ships[0].x, 5);
});

test('a step longer than a teleport snaps instead of gliding', () => {
  const timeline = new Timeline(50);
  timeline.push(world(10, 0), 1000);
  timeline.push(world(11, 500), 1020);
  assert.equal(timeline.sample(1050).ships[0].x, 0);
});

test('each event is handed out once, when its tick is reached', () => {
  const timeline = new Timeline(50);
  timeline.push({ ...world(10, 0), events: [{ kind: 'spawn', shipId: 1 }] }, 1000);
  timeline.push({ ...world(11, 0), events: [{ kind: 'kill', killerId: 1, victimId: 1 }] }, 1020);
  assert.deepEqual(timeline.sample(1050).events.map((e) => e.kind), ['spawn']);
  assert.deepEqual(timeline.sample(1055).events, []);
  assert.deepEqual(timeline.sample(1070).events.map((e) => e.kind), ['kill']);
});

test('a world older than the newest starts the buffer over', () => {
  const timeline = new Timeline(50);
  timeline.push(world(100, 0), 1000);
  timeline.push(world(5, 0), 1020);
  assert.equal(timeline.buffer.length, 1);
  assert.equal(timeline.newest().tick, 5);
});

test('angles take the shorter arc', () => {
  const r = lerpAngle(2 * Math.PI - 0.1, 0.1, 0.5);
  assert.ok(Math.min(r, 2 * Math.PI - r) < 1e-9, `through 0, not through π: ${r}`);
  assert.ok(Math.abs(lerpAngle(0, 1, 0.5) - 0.5) < 1e-12);
});

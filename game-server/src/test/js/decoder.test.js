// The page's decoder against docs/PROTOCOL.md §7.9's worked example, §8's list of violations,
// and frames a real server sent (fixtures/recorded-frames.json, see RecordedFrames.java).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { applyFrame, decodeHeader, EMPTY_WORLD, isLance, ProtocolError } from '../../main/resources/io/lancers/server/watch/decoder.js';

const hex = (text) => Uint8Array.from(text.replace(/\s+/g, '').match(/../g).map((h) => parseInt(h, 16)));

/**
 * §7.9's two frames, read from docs/PROTOCOL.md itself: the hex at the start of each line of the
 * section's first two code blocks, up to the commentary. The document is the contract.
 */
function workedExample() {
  const doc = readFileSync(new URL('../../../../docs/PROTOCOL.md', import.meta.url), 'utf8');
  const section = doc.slice(doc.indexOf('### 7.9'), doc.indexOf('## 8.'));
  const blocks = section.split('```').filter((_, i) => i % 2 === 1).slice(0, 2);
  return blocks.map((block) => hex(block.split('\n').map((line) => {
    const tokens = [];
    for (const token of line.trim().split(/\s+/)) {
      if (!/^([0-9a-f]{2})+$/.test(token)) {
        break;
      }
      tokens.push(token);
    }
    return tokens.join('');
  }).join('')));
}

const [SNAPSHOT_120, DELTA_121] = workedExample();

const SHIP_3 = {
  id: 3, x: 100.5, y: 200, vx: 0, vy: -50, aim: Math.fround(Math.PI / 2), lastInputSeq: 57, lastFireTick: 118,
  health: 100, respawnTick: 0, invulnerableUntil: 150, kills: 1, deaths: 0, powerUntil: 0, lanceCharges: 0,
};

test('the worked SNAPSHOT of §7.9 decodes to its world', () => {
  assert.equal(SNAPSHOT_120.length, 103);
  const world = applyFrame(null, SNAPSHOT_120);
  assert.deepEqual(world, {
    tick: 120,
    match: { phase: 'playing', phaseEndTick: 18120, killLimit: 20, seed: 42n, nextProjectileId: 7, round: 1,
      teamScores: { red: 0, blue: 0 } },
    ships: [SHIP_3],
    projectiles: [{ id: 6, ownerId: 3, x0: 100.5, y0: 190, vx: 0, vy: -600, spawnTick: 118, damage: 10 }],
    pickups: [{ id: 0, kind: 'health', x: 400, y: 300, availableAt: 0 }],
    events: [],
  });
});

test('the worked DELTA of §7.9 applies increments and removes the shot', () => {
  assert.equal(DELTA_121.length, 22);
  const world = applyFrame(applyFrame(null, SNAPSHOT_120), DELTA_121);
  assert.equal(world.tick, 121);
  assert.deepEqual(world.ships, [{ ...SHIP_3, y: 199.25, lastInputSeq: 58 }]);
  assert.deepEqual(world.projectiles, []);
  assert.deepEqual(world.events, []);
  assert.equal(world.pickups.length, 1);
});

test('headers: tick and base tick, the type byte checked', () => {
  assert.deepEqual(decodeHeader(DELTA_121), { kind: 0x11, tick: 121, baseTick: 120 });
  assertRejects(new Uint8Array(0), 1002, /empty/);
  assertRejects(hex('12 00000001 00000000'), 1003, /unknown server frame type/);
  assertRejects(hex('10 80000000 00000000'), 1003, /tick out of range/);
});

/** An empty SNAPSHOT of tick 1 with `body` after the header, for the violations below. */
const snapshot = (body) => hex(`10 00000001 00000000 ${body}`);
const NOTHING = '00 00 00 00 00 00 00 00';
/** A new ship 1 with every absolute field, for violations inside ship entries. */
const NEW_SHIP_FIELDS = '0000 00000000 64 00000000 00000000 0000 0000 0000 0000 0000 0000 00000000 00000000';
const base = applyFrame(null, snapshot(`00 00 01 02 d0ff0f ${NEW_SHIP_FIELDS} 00 00 00 00 00`));
const delta = (body) => hex(`11 00000002 00000001 ${body}`);

test('a world the violations build on', () => {
  assert.deepEqual(base.ships.map((s) => s.id), [1]);
  assert.deepEqual(applyFrame(null, snapshot(NOTHING)), { ...EMPTY_WORLD, tick: 1, events: [] });
});

const violations = [
  ['trailing bytes', snapshot(`${NOTHING} 00`), 1002, /trailing/],
  ['truncation', snapshot('00 00 00 00 00 00 00'), 1002, /truncated/],
  ['a varint longer than needed', snapshot('80 00 00 00 00 00 00 00 00'), 1002, /longer than needed/],
  ['a mask varint over 3 bytes', snapshot('80 80 80 01 00 00 00 00 00 00 00 00'), 1002, /longer than 3 bytes/],
  ['a ship id gap over 3 bytes', delta('00 01 80 80 80 01 00 00 00 00 00 00 00'), 1002, /longer than 3 bytes/],
  ['an id gap of 0', delta('00 02 01 00 00 00 00 00 00 00'), 1002, /gap 0/],
  ['a pickup id beyond 255', snapshot('00 00 00 00 00 00 01 81 02 0f 00 0000 0000 00000000 00'), 1003, /out of range: 256/],
  ['an unknown removed id', delta('00 01 03 00 00 00 00 00 00'), 1002, /not in the base/],
  ['a ship removed and changed', delta('00 01 02 01 02 10 0000 00 00 00 00 00'), 1002, /removed and changed/],
  ['unknown mask bits', delta('00 00 01 02 80 80 20 00 00 00 00 00'), 1002, /undefined bits/],
  ['a new ship with an increment', snapshot(`00 00 01 02 d1ff0f 01 ${NEW_SHIP_FIELDS} 00 00 00 00 00`), 1002, /exactly its absolute fields/],
  ['a new ship without every field', snapshot('00 00 01 02 10 0000 00 00 00 00 00'), 1002, /exactly its absolute fields/],
  ['a new ship with lance charges but not every other field', snapshot(`00 00 01 02 d0ff17 ${NEW_SHIP_FIELDS.slice(0, -9)} 02 00 00 00 00 00`), 1002, /exactly its absolute fields/],
  ['both bits of one field', delta('00 00 01 02 81 08 01 0000 00 00 00 00 00'), 1002, /both as an increment and absolutely/],
  ['an increment of 0', delta('00 00 01 02 01 00 00 00 00 00 00 00'), 1002, /increment of 0/],
  ['an increment leaving its range', (() => {
    const far = applyFrame(null, snapshot(`00 00 01 02 d0ff0f ${NEW_SHIP_FIELDS.replace('0000 0000 0000 0000 0000 0000 00000000 00000000', '7ff0 0000 0000 0000 0000 0000 00000000 00000000')} 00 00 00 00 00`));
    return [far, delta('00 00 01 02 01 7f 00 00 00 00 00')];
  })(), 1003, /out of range: 32879/],
  ['an unknown phase', snapshot('01 02 00 00 00 00 00 00 00'), 1003, /unknown Match.phase value 2/],
  ['an unknown pickup kind', snapshot('00 00 00 00 00 00 01 01 0f 03 0000 0000 00000000 00'), 1003, /unknown Pickup.kind value 3/],
  ['an unknown event kind', snapshot('00 00 00 00 00 00 00 01 04 0001'), 1003, /unknown event kind 4/],
  ['a count beyond the frame', snapshot('00 00 05 01 00 00 00 00 00'), 1002, /exceeds the frame/],
  ['a delta against another tick', hex(`11 00000002 00000005 ${NOTHING}`), 1002, /needs base tick 5/],
];

for (const [name, frame, code, message] of violations) {
  test(`refused: ${name}`, () => {
    const [from, bytes] = Array.isArray(frame) ? frame : [base, frame];
    assertRejects(bytes, code, message, from);
  });
}

test('a projectile removed and added in one frame is replaced; added twice is refused', () => {
  const shot = '0001 0000 0000 0008 0000 00000001 0a';
  const withShot = applyFrame(null, snapshot(`00 00 00 00 01 01 ${shot} 00 00 00`));
  const replaced = applyFrame(withShot, delta(`00 00 00 01 01 01 01 0001 0000 0000 0010 0000 00000001 0a 00 00 00`));
  assert.equal(replaced.projectiles[0].vx, 2);
  assertRejects(delta(`00 00 00 00 01 01 ${shot} 00 00 00`), 1002, /added twice/, withShot);
});

function assertRejects(bytes, code, message, from = null) {
  assert.throws(() => applyFrame(from, bytes), (e) => {
    assert.ok(e instanceof ProtocolError, `a ProtocolError, got ${e}`);
    assert.equal(e.code, code, e.message);
    assert.match(e.message, message);
    return true;
  });
}

/** Plays a recorded fixture; `expect` turns a stored world into what today's decoder must make of it. */
function playRecorded(name, expect = (world) => world) {
  const fixture = JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
  let world = null;
  let compared = 0;
  const seen = [];
  fixture.frames.forEach((frame, i) => {
    world = applyFrame(world, hex(frame));
    seen.push(world);
    const expected = fixture.worlds[String(i)];
    if (expected) {
      assert.deepEqual({ ...world, match: { ...world.match, seed: String(world.match.seed) } }, expect(expected), `frame ${i}`);
      compared++;
    }
  });
  assert.ok(fixture.frames.length > 100 && compared > 10, `${fixture.frames.length} frames, ${compared} worlds compared`);
  return seen;
}

test('frames recorded from a real server decode to the Java decoder\'s worlds', () => {
  const worlds = playRecorded('recorded-frames.json');
  assert.ok(worlds[0].pickups.some((p) => p.kind === 'lance'), 'the map has lance pickups');
});

test('frames an older server sent (lancers.v2, before v5) still decode: no lance charges, no team score', () => {
  playRecorded('recorded-frames-v2.json', (w) => ({
    ...w,
    match: { ...w.match, teamScores: { red: 0, blue: 0 } },
    ships: w.ships.map((s) => ({ ...s, lanceCharges: 0 })),
  }));
});

test('the v5 fields: team scores under match bit 6, lance charges under ship bit 18, pickup kind 2', () => {
  const world = applyFrame(null, hex('10 00000005 00000000 40 0003 0102'
    + ' 00 01 04 d0ff1f 0000 00000000 64 00000000 00000000 0000 0000 0000 0000 0000 0000 00000000 00000000 02'
    + ' 00 00 00 01 01 0f 02 0000 0000 00000000 01 02 0003 00 02'));
  assert.deepEqual(world.match.teamScores, { red: 3, blue: 258 });
  assert.equal(world.ships[0].lanceCharges, 2);
  assert.equal(world.pickups[0].kind, 'lance');
  assert.deepEqual(world.events, [{ kind: 'pickupTaken', shipId: 3, pickupId: 0, pickupKind: 'lance' }]);
  assert.ok(isLance({ vx: 1800, vy: 0 }) && !isLance({ vx: 636.375, vy: 636.375 }), 'a lance by its speed (§7.6)');
});

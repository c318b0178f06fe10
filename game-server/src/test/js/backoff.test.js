// §9's reconnect delays: 250 ms doubling up to 5 s, each ±50 % random.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { delayMs, nominalDelayMs, Retries, withinBudget } from '../../main/resources/io/lancers/server/watch/backoff.js';

test('the nominal delay doubles from 250 ms and stops at 5 s', () => {
  assert.deepEqual([1, 2, 3, 4, 5, 6, 7, 20].map(nominalDelayMs), [250, 500, 1000, 2000, 4000, 5000, 5000, 5000]);
});

test('jitter spreads each delay over ±50 %', () => {
  assert.equal(delayMs(1, 0), 125);
  assert.equal(delayMs(1, 0.5), 250);
  assert.ok(delayMs(1, 0.999999) < 375);
  assert.equal(delayMs(7, 0), 2500);
});

test('the budget counts from the loss', () => {
  assert.ok(withinBudget(1000, 61000));
  assert.ok(!withinBudget(1000, 61001));
});

test('one loss: attempts grow until the next would start after the budget', () => {
  const retries = new Retries(10000);
  const waits = [];
  let now = 0;
  for (let wait = retries.next(now, 0.5); wait !== null; wait = retries.next(now, 0.5)) {
    waits.push(wait);
    now += wait;
  }
  assert.deepEqual(waits, [250, 500, 1000, 2000, 4000]);
  assert.ok(retries.lost);
  retries.reset();
  assert.equal(retries.next(now, 0.5), 250, 'a new loss starts again');
});

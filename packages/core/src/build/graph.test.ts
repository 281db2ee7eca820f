import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dependencyLevels, runLimited, Once, KeyedMutex } from './graph.js';
import { WerfActionError } from '../errors/index.js';

test('dependency levels', () => {
  const deps: Record<string, string[]> = { a: [], b: ['a'], c: ['a'], d: ['b', 'c'], e: [] };
  assert.deepEqual(dependencyLevels(Object.keys(deps), (n) => deps[n]!), [['a', 'e'], ['b', 'c'], ['d']]);
  assert.throws(() => dependencyLevels(['x', 'y'], (n) => (n === 'x' ? ['y'] : ['x'])), (e: unknown) => e instanceof WerfActionError && e.code === 'build.dependency-cycle' && /x -> y -> x/.test(e.message));
  assert.throws(() => dependencyLevels(['x'], () => ['nope']), /unknown image "nope"/);
});

test('runLimited keeps to the limit, keeps order, reports the first error after all settle', async () => {
  let active = 0;
  let peak = 0;
  const r = await runLimited([1, 2, 3, 4, 5, 6], 2, async (n) => {
    active++;
    peak = Math.max(peak, active);
    await new Promise((res) => setTimeout(res, 5 * (7 - n)));
    active--;
    return n * 10;
  });
  assert.deepEqual(r, [10, 20, 30, 40, 50, 60]);
  assert.equal(peak, 2);
  const done: number[] = [];
  await assert.rejects(runLimited([1, 2, 3], 3, async (n) => {
    await new Promise((res) => setTimeout(res, n));
    done.push(n);
    if (n === 1) throw new Error('first');
  }), /first/);
  assert.deepEqual(done.sort(), [1, 2, 3]);
});

test('Once shares work; KeyedMutex serializes per key only', async () => {
  const once = new Once<string, number>();
  let calls = 0;
  const f = async () => {
    calls++;
    await new Promise((r) => setTimeout(r, 5));
    return 7;
  };
  assert.deepEqual(await Promise.all([once.run('k', f), once.run('k', f), once.run('j', f)]), [7, 7, 7]);
  assert.equal(calls, 2);
  const m = new KeyedMutex();
  const log: string[] = [];
  const job = (k: string, id: string, ms: number) => m.with(k, async () => {
    log.push(`start ${id}`);
    await new Promise((r) => setTimeout(r, ms));
    log.push(`end ${id}`);
  });
  await Promise.all([job('a', '1', 20), job('a', '2', 1), job('b', '3', 1)]);
  assert.ok(log.indexOf('end 1') < log.indexOf('start 2'));
  assert.ok(log.indexOf('start 3') < log.indexOf('end 1'));
});

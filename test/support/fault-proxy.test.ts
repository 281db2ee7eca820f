import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startFaultProxy, startRegistry, type TestRegistry } from './index.js';

describe('startFaultProxy', () => {
  let reg: TestRegistry;
  before(async () => { reg = await startRegistry(); });
  after(async () => { await reg.stop(); });

  it('passes requests through and counts them by method and path', async () => {
    const proxy = await startFaultProxy(reg.url);
    try {
      assert.equal((await fetch(`${proxy.url}/v2/`)).status, 200);
      assert.equal((await fetch(`${proxy.url}/v2/`)).status, 200);
      assert.equal((await fetch(`${proxy.url}/v2/none/tags/list?n=5`)).status, 404);
      assert.equal(proxy.counts().get('GET /v2/'), 2);
      assert.equal(proxy.counts().get('GET /v2/none/tags/list'), 1);
      assert.equal(proxy.count('GET', /tags\/list\?n=5$/), 1);
      assert.equal(proxy.count(undefined), 3);
      assert.equal(proxy.injected(), 0);
    } finally {
      await proxy.stop();
    }
  });

  it('injects statuses with Retry-After, honouring skip and times, then passes', async () => {
    const proxy = await startFaultProxy(reg.host, [
      { method: 'GET', path: '/v2/', fault: { status: 429, retryAfter: 2 }, skip: 1, times: 2 },
      { method: 'HEAD', path: /manifests/, fault: { status: 503 }, times: Infinity },
    ]);
    try {
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 4; i++) {
        const r = await fetch(`${proxy.url}/v2/`);
        statuses.push(r.status);
        if (r.status === 429) retryAfter = r.headers.get('retry-after');
        await r.arrayBuffer();
      }
      assert.deepEqual(statuses, [200, 429, 429, 200]);
      assert.equal(retryAfter, '2');
      for (let i = 0; i < 3; i++) assert.equal((await fetch(`${proxy.url}/v2/x/manifests/y`, { method: 'HEAD' })).status, 503);
      assert.equal(proxy.injected(), 5);
      proxy.setSchedule([]);
      assert.equal((await fetch(`${proxy.url}/v2/x/manifests/y`, { method: 'HEAD' })).status, 404);
      proxy.reset();
      assert.equal(proxy.requests.length, 0);
    } finally {
      await proxy.stop();
    }
  });

  it('resets the connection for a reset fault', async () => {
    const proxy = await startFaultProxy(reg.url, [{ path: '/v2/', fault: 'reset' }]);
    try {
      await assert.rejects(fetch(`${proxy.url}/v2/`));
      assert.equal((await fetch(`${proxy.url}/v2/`)).status, 200);
      assert.deepEqual(proxy.requests.map((r) => [r.status, r.injected]), [[0, true], [200, false]]);
    } finally {
      await proxy.stop();
    }
  });

  it('streams request bodies (blob upload) and keeps Location pointing at the proxy', async () => {
    const proxy = await startFaultProxy(reg.url);
    try {
      const start = await fetch(`${proxy.url}/v2/up/blobs/uploads/`, { method: 'POST' });
      assert.equal(start.status, 202);
      const loc = new URL(start.headers.get('location')!, proxy.url);
      assert.equal(loc.host, proxy.host);
      const body = Buffer.from('hello blob');
      const { createHash } = await import('node:crypto');
      loc.searchParams.set('digest', `sha256:${createHash('sha256').update(body).digest('hex')}`);
      const put = await fetch(loc, { method: 'PUT', body, headers: { 'content-type': 'application/octet-stream' } });
      assert.equal(put.status, 201);
      assert.equal(proxy.count('PUT', '/v2/up/blobs/uploads/'), 1);
    } finally {
      await proxy.stop();
    }
  });
});

// An HTTP proxy in front of a real registry that fails chosen requests
// (status codes with optional Retry-After, or a connection reset) and counts
// every request by method and path, so tests can assert both how a client
// survives faults and how many requests it makes.
import { createServer, request as httpRequest, Agent as HttpAgent, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest, Agent as HttpsAgent } from 'node:https';
import type { Socket } from 'node:net';

export type Fault =
  | { status: number; retryAfter?: number | string; body?: string }
  | 'reset';

export interface FaultRule {
  /** HTTP method to match (any when absent). */
  method?: string;
  /** Substring of the path (with query) or a RegExp tested against it. */
  path: string | RegExp;
  fault: Fault;
  /** How many matching requests fail (default 1; Infinity for all). */
  times?: number;
  /** Let this many matching requests pass before failing (default 0). */
  skip?: number;
}

export interface ProxiedRequest {
  method: string;
  /** Path with query. */
  path: string;
  /** Status returned to the client; 0 for a reset. */
  status: number;
  injected: boolean;
}

export interface FaultProxy {
  /** `127.0.0.1:PORT` to use as the registry host. */
  host: string;
  url: string;
  /** Every request seen, in order. */
  requests: ProxiedRequest[];
  /** Requests counted by `"METHOD /path"` (query stripped). */
  counts(): Map<string, number>;
  /** Number of requests with this method (any when undefined) whose path (with query) matches. */
  count(method: string | undefined, path?: string | RegExp): number;
  /** Number of faults injected so far. */
  injected(): number;
  /** Replace the schedule (counters of the old rules are dropped). */
  setSchedule(rules: FaultRule[]): void;
  /** Forget recorded requests. */
  reset(): void;
  stop(): Promise<void>;
}

interface LiveRule extends FaultRule { seen: number; fired: number }

function matches(p: string | RegExp, path: string): boolean {
  return typeof p === 'string' ? path.includes(p) : p.test(path);
}

/** `target` is the registry's base URL (`http://127.0.0.1:5000`) or host (`127.0.0.1:5000`, http assumed). */
export async function startFaultProxy(target: string, schedule: FaultRule[] = []): Promise<FaultProxy> {
  const base = new URL(/^https?:\/\//.test(target) ? target : `http://${target}`);
  const isHttps = base.protocol === 'https:';
  const agent = isHttps ? new HttpsAgent({ keepAlive: true, rejectUnauthorized: false }) : new HttpAgent({ keepAlive: true });
  let rules: LiveRule[] = [];
  const requests: ProxiedRequest[] = [];
  const sockets = new Set<Socket>();
  const setSchedule = (r: FaultRule[]) => { rules = r.map((x) => ({ ...x, seen: 0, fired: 0 })); };
  setSchedule(schedule);

  const pickFault = (method: string, path: string): Fault | undefined => {
    for (const r of rules) {
      if (r.method && r.method.toUpperCase() !== method) continue;
      if (!matches(r.path, path)) continue;
      r.seen++;
      if (r.seen <= (r.skip ?? 0)) continue;
      if (r.fired >= (r.times ?? 1)) continue;
      r.fired++;
      return r.fault;
    }
    return undefined;
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const method = (req.method ?? 'GET').toUpperCase();
    const path = req.url ?? '/';
    const fault = pickFault(method, path);
    if (fault === 'reset') {
      requests.push({ method, path, status: 0, injected: true });
      const s = req.socket as Socket & { resetAndDestroy?: () => void };
      if (typeof s.resetAndDestroy === 'function') s.resetAndDestroy();
      else s.destroy();
      return;
    }
    if (fault) {
      requests.push({ method, path, status: fault.status, injected: true });
      req.resume();
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
      res.writeHead(fault.status, headers);
      res.end(fault.body ?? JSON.stringify({ errors: [{ code: 'INJECTED', message: `injected ${fault.status}` }] }));
      return;
    }
    // Host is kept as the client sent it, so the registry builds Location
    // URLs that point back at the proxy.
    const upstream = (isHttps ? httpsRequest : httpRequest)({
      protocol: base.protocol, hostname: base.hostname, port: base.port,
      method, path, headers: req.headers, agent,
    }, (up) => {
      requests.push({ method, path, status: up.statusCode ?? 0, injected: false });
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', (e) => {
      requests.push({ method, path, status: 502, injected: false });
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`proxy: ${e.message}`);
    });
    req.pipe(upstream);
  };

  const server = createServer(handle);
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const addr = server.address();
  if (addr === null || typeof addr === 'string') throw new Error('fault proxy: no port');
  const host = `127.0.0.1:${addr.port}`;

  return {
    host,
    url: `http://${host}`,
    requests,
    counts() {
      const m = new Map<string, number>();
      for (const r of requests) {
        const k = `${r.method} ${r.path.split('?')[0]}`;
        m.set(k, (m.get(k) ?? 0) + 1);
      }
      return m;
    },
    count(method, path) {
      return requests.filter((r) => (!method || r.method === method.toUpperCase()) && (path === undefined || matches(path, r.path))).length;
    },
    injected: () => requests.filter((r) => r.injected).length,
    setSchedule,
    reset() { requests.length = 0; },
    async stop() {
      for (const s of sockets) s.destroy();
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

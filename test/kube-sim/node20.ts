// @kubernetes/client-node 2.x depends on undici 8, which reads zlib.createZstdDecompress at
// load time (Node >= 22.15). On Node 20 that property is missing and the import throws.
// Importing this module first defines a stub that fails only if a server actually sends
// `Content-Encoding: zstd` (the simulator never does). No effect on Node versions that have it.
import zlib from 'node:zlib';

const z = zlib as unknown as Record<string, unknown>;
if (typeof z.createZstdDecompress !== 'function') {
  z.createZstdDecompress = () => {
    throw new Error('zstd decompression is not available in this Node.js version');
  };
  z.createZstdCompress = z.createZstdDecompress;
}

import workerThreads from 'node:worker_threads';

const wt = workerThreads as unknown as Record<string, unknown>;
if (typeof wt.markAsUncloneable !== 'function') wt.markAsUncloneable = () => undefined;

const P = Promise as unknown as { withResolvers?: unknown };
if (typeof P.withResolvers !== 'function') {
  P.withResolvers = function withResolvers<T>() {
    let resolve!: (v: T | PromiseLike<T>) => void;
    let reject!: (e: unknown) => void;
    const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
    return { promise, resolve, reject };
  };
}

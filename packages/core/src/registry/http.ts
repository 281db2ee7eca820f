// undici, loaded on first use: commands that never talk to a registry (render,
// plan) do not pay for evaluating it at start-up.
import type { Agent, fetch } from 'undici';

export interface Undici {
  Agent: typeof Agent;
  fetch: typeof fetch;
}

let loading: Promise<Undici> | undefined;

export function undici(): Promise<Undici> {
  // undici is CommonJS: a bundle split into chunks exposes it only as `default`.
  return (loading ??= import('undici').then((m) => {
    const mod = ((m as { default?: Undici }).default ?? m) as Undici;
    return { Agent: mod.Agent, fetch: mod.fetch };
  }));
}

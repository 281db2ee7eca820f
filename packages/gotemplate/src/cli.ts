// gotpl: the oracle's protocol (../shared/tools/gotpl-oracle) over our engine.
// stdin {"templates": {name: text}, "values": {...}, "strict": bool}
// stdout {"rendered": {name: output}} or {"error": "message"} (exit 1); GOTPL_REPEAT=N adds ms_per_render.
import { renderHelm } from './helm.js';
import { marshalJSON, unmarshalJSON } from './json.js';

export interface OracleInput { templates: Record<string, string>; values?: Record<string, unknown>; strict?: boolean }

/** One protocol exchange, as a pure function: request JSON text -> [response JSON text, exit code]. */
export function runProtocol(input: string, repeat = 1): [string, number] {
  let req: OracleInput;
  try {
    req = unmarshalJSON(input) as OracleInput;
  } catch (e) {
    return [marshalJSON({ error: (e as Error).message }) + '\n', 1];
  }
  try {
    const n = Math.max(1, repeat);
    const start = process.hrtime.bigint();
    let out: Record<string, string> = {};
    for (let i = 0; i < n; i++) out = renderHelm(req.templates ?? {}, (req.values ?? {}) as Record<string, unknown>, { strict: !!req.strict });
    const res: Record<string, unknown> = { rendered: out };
    if (n > 1) res.ms_per_render = Math.round(Number(process.hrtime.bigint() - start) / 1000) / 1000 / n;
    return [marshalJSON(res) + '\n', 0];
  } catch (e) {
    return [marshalJSON({ error: e instanceof Error ? e.message : String(e) }) + '\n', 1];
  }
}

async function main(): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  const [out, code] = runProtocol(Buffer.concat(chunks).toString('utf8'), parseInt(process.env.GOTPL_REPEAT ?? '1', 10) || 1);
  process.stdout.write(out);
  process.exitCode = code;
}

if (process.argv[1] && /cli\.[tj]s$/.test(process.argv[1])) void main();
export { main };

// Every action.yml and workflow is validated with @action-validator/cli, and
// each action's inputs match the table its main.ts translates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { ActionDefinition } from '../../actions/shared/run.js';

const root = new URL('../..', import.meta.url).pathname;
const validator = join(root, 'node_modules/.bin/action-validator');

function validate(path: string): { status: number | null; output: string } {
  const r = spawnSync(validator, [path], { encoding: 'utf8' });
  return { status: r.status, output: r.stdout + r.stderr };
}

const actions = readdirSync(join(root, 'actions')).filter((n) => n !== 'shared');

for (const name of actions) {
  test(`actions/${name}/action.yml is valid and runs on node24`, async () => {
    const text = readFileSync(join(root, 'actions', name, 'action.yml'), 'utf8');
    const doc = parse(text);
    assert.equal(doc.runs.using, 'node24');
    assert.equal(doc.runs.main, 'index.js');
    // @action-validator 0.6.0 (the newest) embeds a schema from before node24
    // existed and rejects it; validate everything else with node20 in its place.
    const dir = mkdtempSync(join(tmpdir(), 'action-yml-'));
    try {
      const copy = join(dir, 'action.yml');
      writeFileSync(copy, text.replace("using: 'node24'", "using: 'node20'"));
      const r = validate(copy);
      assert.equal(r.status, 0, r.output);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const { definition } = (await import(`../../actions/${name}/definition.ts`)) as { definition: ActionDefinition };
    const declared = Object.keys(doc.inputs).sort();
    const translated = [...definition.inputs.map((i) => i.input), 'args'].sort();
    assert.deepEqual(declared, translated, 'action.yml inputs == inputs the action reads');
  });
}

for (const wf of readdirSync(join(root, '.github/workflows'))) {
  test(`.github/workflows/${wf} is a valid workflow`, () => {
    const r = validate(join(root, '.github/workflows', wf));
    assert.equal(r.status, 0, r.output);
  });
}

test('the validator does reject a broken action.yml', () => {
  const dir = mkdtempSync(join(tmpdir(), 'action-yml-'));
  try {
    writeFileSync(join(dir, 'action.yml'), "name: x\nruns:\n  using: 'node20'\n  mian: index.js\n");
    assert.notEqual(validate(join(dir, 'action.yml')).status, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createContext } from '../context.js';
import { createLogger, memorySink } from '../log/index.js';
import { helmTemplate, renderNameTemplate } from './helm-template.js';
import { helmSecret } from './helm-secret.js';
import { render } from './render.js';
import { encryptFile, encryptValuesYaml } from '../chart/secrets.js';
import { tempDir, writeTree, chartYaml, tgz } from '../chart/testutil.js';
import type { BuildReport } from '../storage/report.js';

const KEY = '00112233445566778899aabbccddeeff';
const ctxWith = (env: Record<string, string> = {}) => {
  const sink = memorySink();
  return { ctx: createContext({ log: createLogger(sink), env, now: () => 1700000000000 }), sink };
};

test('helmTemplate: release name, name template, namespace, .tgz charts, errors', async () => {
  const { dir, cleanup } = tempDir();
  try {
    writeTree(dir, { 'chart.tgz': tgz({ 'Chart.yaml': chartYaml('pkg'), 'templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n  namespace: {{ .Release.Namespace }}\n' }, 'pkg') });
    const { ctx } = ctxWith();
    const r = await helmTemplate(ctx, { chart: 'chart.tgz', cwd: dir, namespace: 'ns1' });
    assert.equal(r.output, '---\n# Source: pkg/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: release-name\n  namespace: ns1\n');
    const named = await helmTemplate(ctx, { chart: 'chart.tgz', cwd: dir, nameTemplate: 'foobar-{{ b64enc "abc" | lower }}-baz' });
    assert.equal(named.releaseName, 'foobar-ywjj-baz');
    assert.equal((await helmTemplate(ctx, { chart: 'chart.tgz', cwd: dir, generateName: true })).releaseName, 'pkg-1700000000');
    await assert.rejects(helmTemplate(ctx, { chart: 'chart.tgz', cwd: dir, name: 'Bad_Name' }), /invalid release name, must match regex/);
    await assert.rejects(helmTemplate(ctx, { chart: 'nope', cwd: dir }), /path ".*nope" not found/);
    assert.equal(renderNameTemplate('{{ "x" | upper }}'), 'X');
  } finally { cleanup(); }
});

test('helmSecret: generate key, values and file round trips through the key lookup', () => {
  const { ctx, sink } = ctxWith({ WERF_SECRET_KEY: KEY });
  assert.match(String(helmSecret(ctx, { op: 'generate-secret-key' })), /^[0-9a-f]{32}\n$/);
  const enc = String(helmSecret(ctx, { op: 'values-encrypt', text: 'db:\n  password: hunter2\n' }));
  assert.match(enc, /^db:\n  password: 1000[0-9a-f]+\n$/);
  assert.equal(helmSecret(ctx, { op: 'values-decrypt', text: enc }), 'db:\n  password: hunter2\n');
  const edited = String(helmSecret(ctx, { op: 'values-edit', encrypted: enc, newPlain: 'db:\n  password: hunter2\n  user: admin\n' }));
  assert.ok(edited.startsWith(enc.trimEnd()));
  const f = String(helmSecret(ctx, { op: 'file-encrypt', data: 'PEM DATA' }));
  assert.equal(Buffer.from(helmSecret(ctx, { op: 'file-decrypt', text: f }) as Uint8Array).toString(), 'PEM DATA');
  ctx.log.info('leak hunter2 and PEM DATA');
  assert.equal(sink.text(), 'leak *** and ***');
  const { ctx: noKey } = ctxWith({});
  assert.throws(() => helmSecret(noKey, { op: 'file-decrypt', text: f }), /encryption key not found/);
});

function git(dir: string, ...args: string[]) {
  execFileSync('git', args, { cwd: dir, stdio: 'pipe', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e', GIT_AUTHOR_DATE: '2024-01-02T03:04:05Z', GIT_COMMITTER_DATE: '2024-01-02T03:04:05Z' } });
}

test('render: a werf project with a build report, secret values, secret files, extra metadata; secrets hidden', async () => {
  const { dir, cleanup } = tempDir();
  try {
    writeTree(dir, {
      'werf.yaml': 'project: shop\nconfigVersion: 1\n---\nimage: app\ndockerfile: Dockerfile\n',
      'Dockerfile': 'FROM alpine\n',
      '.helm/values.yaml': 'replicas: 2\ndb:\n  user: app\n',
      '.helm/secret-values.yaml': encryptValuesYaml(KEY, 'db:\n  password: s3cr3t-pass\n'),
      '.helm/secret/tls/key.pem': encryptFile(KEY, 'PRIVATE-KEY-DATA'),
      '.helm/templates/deploy.yaml': [
        'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: {{ .Chart.Name }}', 'spec:',
        '  replicas: {{ .Values.replicas }}', '  template:', '    spec:', '      containers:',
        '        - name: app', '          image: {{ .Values.werf.image.app }}',
        '          env:', '            - {name: REF, value: {{ .Values.global.werf.images.app.ref | quote }}}',
        '            - {name: ENV, value: {{ .Values.werf.env | quote }}}',
        '            - {name: NS, value: {{ .Values.werf.namespace | quote }}}',
        '            - {name: COMMIT, value: {{ .Values.werf.commit.hash | quote }}}',
        '            - {name: DATE, value: {{ .Values.werf.commit.date.human | quote }}}',
      ].join('\n') + '\n',
      '.helm/templates/secret.yaml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: {{ .Values.db.password }}\n  user: {{ .Values.db.user }}\n  key: {{ werf_secret_file "tls/key.pem" | quote }}\n',
    });
    git(dir, 'init', '-q');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'init');
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir, encoding: 'utf8' }).trim();
    const report = { Images: { app: { WerfImageName: 'app', DockerRepo: 'registry.example.com/shop', DockerTag: 'abc-123', DockerImageName: 'registry.example.com/shop:abc-123', DockerImageDigest: 'sha256:feed' } }, ImagesByPlatform: {} } as unknown as BuildReport;
    const { ctx, sink } = ctxWith({ WERF_SECRET_KEY: KEY });
    const r = await render(ctx, { dir, env: 'production', buildReport: report, addAnnotations: { 'ci.werf.io/commit': head.slice(0, 8) }, addLabels: { team: 'x' } });
    assert.equal(r.releaseName, 'shop-production');
    assert.equal(r.namespace, 'shop-production');
    assert.match(r.output, /image: registry.example.com\/shop:abc-123/);
    assert.match(r.output, /value: registry.example.com\/shop:abc-123@sha256:feed/);
    assert.match(r.output, new RegExp(`COMMIT\n\\s+value: ${head}`));
    assert.match(r.output, /DATE\n\s+value: 2024-01-02 03:04:05 \+0000 UTC/);
    assert.match(r.output, /ci.werf.io\/commit: /);
    assert.match(r.output, /team: x/);
    assert.ok(!r.output.includes('s3cr3t-pass') && !r.output.includes('PRIVATE-KEY-DATA'), 'decrypted values hidden');
    assert.match(r.output, /password: '\*\*\*'|password: "\*\*\*"|password: \*\*\*/);
    const shown = await render(ctx, { dir, env: 'production', buildReport: report, showSecrets: true });
    assert.match(shown.output, /password: s3cr3t-pass/);
    assert.match(shown.output, /key: "PRIVATE-KEY-DATA"/);
    assert.ok(!sink.text().includes('s3cr3t-pass'));
    const stub = await render(ctx, { dir, stubTags: true });
    assert.match(stub.output, /image: REPO:TAG/);
    const { ctx: noKey } = ctxWith({});
    await assert.rejects(render(noKey, { dir, stubTags: true }), /encryption key not found/);
    const ignored = await render(noKey, { dir, stubTags: true, ignoreSecretKey: true });
    assert.match(ignored.output, /key: "1000[0-9a-f]+\\n"/);
    assert.match(ignored.output, /password: 1000[0-9a-f]+\n/, '--ignore-secret-key renders the encrypted values');
    await assert.rejects(render(ctx, { dir }), /render needs the images/);
  } finally { cleanup(); }
});

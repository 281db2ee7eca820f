import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCipheriv } from 'node:crypto';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { generateSecretKey, encryptData, decryptData, encryptValuesYaml, decryptValuesYaml, decryptSecretValues, reencryptValuesYaml, findSecretKey, encryptFile, decryptFile } from './secrets.js';
import { createLogger, memorySink } from '../log/index.js';
import { tempDir } from './testutil.js';

const KEY = '0123456789abcdef0123456789abcdef';

/** werf's CBC format built independently of the code under test. */
function werfEncrypt(keyHex: string, plain: string, ivHex: string): string {
  const c = createCipheriv('aes-128-cbc', Buffer.from(keyHex, 'hex'), Buffer.from(ivHex, 'hex'));
  return Buffer.concat([Buffer.from([0x10, 0x00]), Buffer.from(ivHex, 'hex'), c.update(plain), c.final()]).toString('hex');
}

test('keys are 32 hex chars; data round-trips; format starts with 1000', () => {
  const k = generateSecretKey();
  assert.match(k, /^[0-9a-f]{32}$/);
  const enc = encryptData(k, 'hello');
  assert.match(enc, /^1000[0-9a-f]{64}$/);
  assert.equal(decryptData(k, enc).toString(), 'hello');
  assert.equal(decryptData(k, encryptData(k, 'x'.repeat(100), 'gcm')).toString(), 'x'.repeat(100));
  const k256 = 'ab'.repeat(32);
  assert.equal(decryptData(k256, encryptData(k256, 'long key')).toString(), 'long key');
});

test('decrypts what werf wrote (fixed IV vector) and reports bad data and wrong keys', () => {
  const enc = werfEncrypt(KEY, 'password', '000102030405060708090a0b0c0d0e0f');
  assert.equal(enc.slice(0, 36), '1000000102030405060708090a0b0c0d0e0f');
  assert.equal(decryptData(KEY, enc).toString(), 'password');
  assert.throws(() => decryptData(KEY, 'abc'), /decryption failed: check data `abc`: encoding\/hex: odd length hex string/);
  assert.throws(() => decryptData(KEY, '1000ab'), /minimum required data length: '68'/);
  assert.throws(() => decryptData('ffffffffffffffffffffffffffffffff', enc), /check encryption key and data/);
  assert.throws(() => decryptData('xyz', enc), /invalid byte in the secret key/);
});

test('secret values: leaves encrypted, structure and comments kept, decrypt to strings', () => {
  const plain = '# top comment\ndb:\n  password: s3cret # inline\n  port: 5432\n  ratio: 1.5\n  big: 1000000.0\n  none: null\nlist:\n  - a\n  - true\n';
  const enc = encryptValuesYaml(KEY, plain);
  assert.match(enc, /^# top comment\ndb:\n  password: 1000[0-9a-f]+ # inline\n  port: 1000[0-9a-f]+\n/);
  assert.match(enc, /none: null/);
  assert.match(enc, /list:\n  - 1000[0-9a-f]+\n  - 1000[0-9a-f]+\n$/);
  const masked: string[] = [];
  const vals = decryptSecretValues(KEY, enc, 'secret-values.yaml', (s) => masked.push(s));
  assert.deepEqual(vals, { db: { password: 's3cret', port: '5432', ratio: '1.5', big: '1e+06', none: null }, list: ['a', 'true'] });
  assert.deepEqual(masked.sort(), ['1.5', '1e+06', '5432', 'a', 's3cret', 'true']);
  const back = decryptValuesYaml(KEY, enc);
  assert.match(back, /password: s3cret # inline\n  port: "5432"/);
  assert.throws(() => decryptSecretValues(KEY, 'a: 5\n', 'f.yaml', () => {}), /unable to decode non string value "5": expected encoded value as hex string/);
});

test('edit without an editor keeps unchanged ciphertexts', () => {
  const enc = encryptValuesYaml(KEY, 'a: one\nb: two\n');
  const [, encA, encB] = /a: (\S+)\nb: (\S+)/.exec(enc)!;
  const edited = reencryptValuesYaml(KEY, enc, 'a: one\nb: changed\nc: new\n');
  assert.ok(edited.includes(`a: ${encA}\n`));
  assert.ok(!edited.includes(encB!));
  assert.deepEqual(decryptSecretValues(KEY, edited, 'x', () => {}), { a: 'one', b: 'changed', c: 'new' });
});

test('files: whole content as one hex line', () => {
  const enc = encryptFile(KEY, 'line1\nline2\n');
  assert.match(enc, /^1000[0-9a-f]+\n$/);
  assert.equal(decryptFile(KEY, enc).toString(), 'line1\nline2\n');
});

test('key lookup order: env, project file, home; key is masked', () => {
  const { dir, cleanup } = tempDir();
  try {
    const sink = memorySink();
    const log = createLogger(sink);
    assert.equal(findSecretKey({ env: { WERF_SECRET_KEY: ` ${KEY}\n` }, log }), KEY);
    log.info(`key is ${KEY}`);
    assert.equal(sink.text(), 'key is ***');
    writeFileSync(join(dir, '.werf_secret_key'), 'aa'.repeat(16) + '\n');
    assert.equal(findSecretKey({ env: {}, log }, { projectDir: dir }), 'aa'.repeat(16));
    mkdirSync(join(dir, 'home/.werf'), { recursive: true });
    writeFileSync(join(dir, 'home/.werf/global_secret_key'), 'bb'.repeat(16));
    assert.equal(findSecretKey({ env: { HOME: join(dir, 'home') }, log }, { projectDir: join(dir, 'none') }), 'bb'.repeat(16));
    assert.throws(() => findSecretKey({ env: {}, log }, { projectDir: join(dir, 'none') }), /encryption key not found in: WERF_SECRET_KEY environment variable/);
  } finally { cleanup(); }
});

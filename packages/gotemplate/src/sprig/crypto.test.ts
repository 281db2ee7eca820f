import { test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate, createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Templates } from '../index.js';
import { bcryptHash } from './crypto.js';

const run = (tpl: string, data: unknown = {}): string => { const t = new Templates(); t.parse('t', tpl); return t.execute('t', data); };
const has = (cmd: string): boolean => { try { execFileSync('sh', ['-c', `command -v ${cmd}`]); return true; } catch { return false; } };

test('bcrypt: Go/OpenBSD vectors', () => {
  assert.equal(bcryptHash('allmine', 10, 'XajjQvNhvvRt5GSeFk1xFe'), '$2a$10$XajjQvNhvvRt5GSeFk1xFeyqRrsxkhBkUiQeg0dt.wU1qD4aFDcga');
  // OpenBSD / jBCrypt vectors
  assert.equal(bcryptHash('', 6, 'DCq7YPn5Rq63x1Lad4cll.'), '$2a$06$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s.');
  assert.equal(bcryptHash('abc', 6, 'If6bvum7DFjUnE9p2uDeDu'), '$2a$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i');
  assert.equal(bcryptHash('abcdefghijklmnopqrstuvwxyz', 6, '.rCVZVOThsIa97pEDOxvGu'), '$2a$06$.rCVZVOThsIa97pEDOxvGuRRgzG64bvtJ0938xuqzv18d3ZpQhstC');
});

test('bcrypt/htpasswd: shape, and apache htpasswd accepts the line', () => {
  const h = run('{{ bcrypt "hello" }}');
  assert.match(h, /^\$2a\$10\$[./A-Za-z0-9]{53}$/);
  assert.notEqual(h, run('{{ bcrypt "hello" }}'));
  const line = run('{{ htpasswd "bob" "s3cret pass" }}');
  assert.match(line, /^bob:\$2a\$10\$[./A-Za-z0-9]{53}$/);
  assert.equal(run('{{ htpasswd "a:b" "x" }}'), 'invalid username: a:b');
  if (has('htpasswd')) {
    const d = mkdtempSync(join(tmpdir(), 'htp-'));
    try {
      writeFileSync(join(d, 'f'), line + '\n');
      execFileSync('htpasswd', ['-vbB', join(d, 'f'), 'bob', 's3cret pass'], { stdio: 'pipe' });
      assert.throws(() => execFileSync('htpasswd', ['-vbB', join(d, 'f'), 'bob', 'wrong'], { stdio: 'pipe' }));
    } finally { rmSync(d, { recursive: true, force: true }); }
  }
});

function openssl(files: Record<string, string>, args: (d: string) => string[]): string {
  const d = mkdtempSync(join(tmpdir(), 'ossl-'));
  try {
    for (const [n, c] of Object.entries(files)) writeFileSync(join(d, n), c);
    return execFileSync('openssl', args(d), { encoding: 'utf8', stdio: 'pipe' });
  } finally { rmSync(d, { recursive: true, force: true }); }
}

test('genCA + genSignedCert: valid chain, SANs, validity, openssl verify', () => {
  const out = run('{{ $ca := genCA "my-ca" 365 }}{{ $c := genSignedCert "foo.com" (list "10.0.0.1" "::1" "2001:db8::5") (list "foo.com" "bar.com") 30 $ca }}{{ $ca.Cert }}|{{ $ca.Key }}|{{ $c.Cert }}|{{ $c.Key }}');
  const [caPem, caKey, crtPem, key] = out.split('|');
  assert.match(caKey, /^-----BEGIN RSA PRIVATE KEY-----\n/);
  assert.match(key, /^-----BEGIN RSA PRIVATE KEY-----\n/);
  const ca = new X509Certificate(caPem), c = new X509Certificate(crtPem);
  assert.equal(ca.subject, 'CN=my-ca'); assert.equal(ca.issuer, 'CN=my-ca'); assert.equal(ca.ca, true);
  assert.equal(c.subject, 'CN=foo.com'); assert.equal(c.issuer, 'CN=my-ca'); assert.equal(c.ca, false);
  assert.ok(ca.verify(ca.publicKey)); assert.ok(c.verify(ca.publicKey)); assert.ok(c.checkIssued(ca));
  assert.equal(createPrivateKey(key).asymmetricKeyDetails?.modulusLength, 2048);
  assert.ok(c.checkPrivateKey(createPrivateKey(key)));
  assert.equal(c.subjectAltName, 'DNS:foo.com, DNS:bar.com, IP Address:10.0.0.1, IP Address:0:0:0:0:0:0:0:1, IP Address:2001:DB8:0:0:0:0:0:5');
  const days = (Date.parse(c.validTo) - Date.parse(c.validFrom)) / 86400000;
  assert.equal(days, 30);
  assert.ok(Math.abs(Date.parse(ca.validFrom) - Date.now()) < 120000);
  assert.deepEqual(c.keyUsage, ['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2']);
  assert.match(c.serialNumber, /^[0-9A-F]+$/);
  if (has('openssl')) {
    const text = openssl({ 'ca.pem': caPem, 'c.pem': crtPem }, (d) => ['x509', '-noout', '-text', '-in', join(d, 'ca.pem')]);
    assert.match(text, /CA:TRUE/); assert.match(text, /Certificate Sign/); assert.match(text, /Version: 3/);
    const leaf = openssl({ 'c.pem': crtPem }, (d) => ['x509', '-noout', '-text', '-in', join(d, 'c.pem')]);
    assert.match(leaf, /Digital Signature, Key Encipherment/); assert.match(leaf, /TLS Web Server Authentication, TLS Web Client Authentication/);
    assert.match(leaf, /CA:FALSE/); assert.match(leaf, /Authority Key Identifier/);
    assert.match(openssl({ 'ca.pem': caPem, 'c.pem': crtPem }, (d) => ['verify', '-CAfile', join(d, 'ca.pem'), join(d, 'c.pem')]), /OK/);
  }
});

test('genSelfSignedCert and *WithKey variants', () => {
  const out = run('{{ $c := genSelfSignedCert "self" (list "127.0.0.1") nil 10 }}{{ $c.Cert }}|{{ $c.Key }}');
  const [pem, key] = out.split('|');
  const c = new X509Certificate(pem);
  assert.equal(c.subject, 'CN=self'); assert.ok(c.verify(c.publicKey)); assert.ok(c.checkPrivateKey(createPrivateKey(key)));
  assert.equal(c.subjectAltName, 'IP Address:127.0.0.1');
  assert.equal(c.ca, false);

  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'sec1', format: 'pem' }) as string;
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  const ed = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  const o2 = run('{{ $ca := genCAWithKey "ca2" 5 .ec }}{{ $s := genSelfSignedCertWithKey "s2" nil (list "x.io") 5 .ed }}{{ $l := genSignedCertWithKey "l2" nil (list "y.io") 5 $ca .rsa }}{{ $ca.Cert }}|{{ $ca.Key }}|{{ $s.Cert }}|{{ $l.Cert }}|{{ $l.Key }}', { ec, rsa, ed });
  const [caPem, caKey, sPem, lPem, lKey] = o2.split('|');
  assert.equal(caKey, ec);
  assert.match(lKey, /^-----BEGIN RSA PRIVATE KEY-----/);
  const ca = new X509Certificate(caPem), s = new X509Certificate(sPem), l = new X509Certificate(lPem);
  assert.ok(ca.verify(ca.publicKey)); assert.ok(ca.checkPrivateKey(createPrivateKey(ec)));
  assert.ok(s.verify(s.publicKey)); assert.ok(s.checkPrivateKey(createPrivateKey(ed))); assert.equal(s.subjectAltName, 'DNS:x.io');
  assert.ok(l.verify(ca.publicKey)); assert.ok(l.checkIssued(ca)); assert.ok(l.checkPrivateKey(createPrivateKey(rsa)));
  if (has('openssl')) assert.match(openssl({ 'ca.pem': caPem, 'l.pem': lPem }, (d) => ['verify', '-CAfile', join(d, 'ca.pem'), join(d, 'l.pem')]), /OK/);
});

test('buildCustomCert and errors', () => {
  const out = run('{{ $ca := genCA "x" 1 }}{{ $b := buildCustomCert ($ca.Cert | b64enc) ($ca.Key | b64enc) }}{{ eq $b.Cert $ca.Cert }} {{ eq $b.Key $ca.Key }}');
  assert.equal(out, 'true true');
  assert.throws(() => run('{{ buildCustomCert "!!" "" }}'), /error calling buildCustomCert: unable to decode base64 certificate/);
  assert.throws(() => run('{{ buildCustomCert ("nope" | b64enc) "" }}'), /unable to decode certificate/);
  assert.throws(() => run('{{ genCAWithKey "x" 1 "junk" }}'), /error calling genCAWithKey: parsing private key: no PEM data in input/);
  assert.throws(() => run('{{ genSelfSignedCert "x" (list "1.2.3") nil 1 }}'), /error parsing ip: 1.2.3/);
  assert.throws(() => run('{{ genSelfSignedCert "x" (list 1) nil 1 }}'), /error parsing ip: 1 is not a string/);
  assert.throws(() => run('{{ genSelfSignedCert "x" nil (list 1) 1 }}'), /error processing alternate dns name: 1 is not a string/);
  assert.throws(() => run('{{ genSignedCert "x" nil nil 1 "notaca" }}'), /genSignedCert/);
});

test('genPrivateKey "dsa": sprig DSA PRIVATE KEY {0,P,Q,G,Y,X}, usable, and rejected by the cert functions as Go does', async () => {
  const { sign, verify, createPublicKey } = await import('node:crypto');
  const pem = run('{{ genPrivateKey "dsa" }}');
  assert.match(pem, /^-----BEGIN DSA PRIVATE KEY-----\n[\s\S]+\n-----END DSA PRIVATE KEY-----\n$/);
  const k = createPrivateKey(pem);
  assert.equal(k.asymmetricKeyType, 'dsa');
  assert.equal(k.asymmetricKeyDetails?.modulusLength, 2048);
  assert.equal(k.asymmetricKeyDetails?.divisorLength, 256);
  const sig = sign('sha256', Buffer.from('x'), k);
  assert.ok(verify('sha256', Buffer.from('x'), createPublicKey(k), sig));
  assert.throws(() => run('{{ genCAWithKey "x" 1 .k }}', { k: pem }), /error calling genCAWithKey: error creating certificate: x509: certificate private key does not implement crypto.Signer/);
  assert.throws(() => run('{{ genSignedCertWithKey "x" nil nil 1 (genCA "c" 1) .k }}', { k: pem }), /error creating certificate: x509: unsupported public key type: \*dsa.PublicKey/);
  assert.throws(() => run('{{ genSignedCertWithKey "x" nil nil 1 (genCA "c" 1) "junk" }}'), /error calling genSignedCertWithKey: parsing private key: no PEM data in input/);
});

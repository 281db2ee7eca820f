import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  sha3_224, sha256, murmur3_32, legacyMurmurHash, formatStageTag, parseStageTag, isStageTag,
  stageDigest, stageContentDigest, platformForDigest, BUILD_CACHE_VERSION, rejectedTag,
} from './index.js';

test('sha3_224 and sha256 match published vectors', () => {
  // FIPS 202 / FIPS 180 test vectors
  assert.equal(sha3_224(), '6b4e03423667dbb73b6e15454f0eb1abd4597f9a1b078e3f5b5a6bc7');
  assert.equal(sha3_224('abc'), 'e642824c3f8cf24ad09234ee7d3c766fc9a3a5168d0c94ad73b46fdf');
  assert.equal(sha256(), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  assert.equal(sha256('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
});

test('parts are joined with ":::"', () => {
  assert.equal(sha3_224('a', 'b', ''), sha3_224('a:::b:::'));
  assert.equal(sha256('a', 'b'), createHash('sha256').update('a:::b').digest('hex'));
  assert.notEqual(sha256('a', 'b'), sha256('ab'));
});

test('murmur3_32 matches the reference implementation vectors', () => {
  const enc = (s: string) => Buffer.from(s, 'utf8');
  assert.equal(murmur3_32(enc(''), 0), 0);
  assert.equal(murmur3_32(enc(''), 1), 0x514e28b7);
  assert.equal(murmur3_32(enc(''), 0xffffffff), 0x81f16f39);
  assert.equal(murmur3_32(Buffer.from([0xff, 0xff, 0xff, 0xff]), 0), 0x76293b50);
  assert.equal(murmur3_32(Buffer.from([0x21, 0x43, 0x65, 0x87]), 0), 0xf55b516b);
  assert.equal(murmur3_32(Buffer.from([0x21, 0x43, 0x65]), 0), 0x7e4a8634);
  assert.equal(murmur3_32(Buffer.from([0x21, 0x43]), 0), 0xa0f7b07a);
  assert.equal(murmur3_32(Buffer.from([0x21]), 0), 0x72661cf4);
  assert.equal(murmur3_32(enc('Hello, world!'), 1234), 0xfaf6cdb3);
  assert.equal(murmur3_32(enc('The quick brown fox jumps over the lazy dog'), 0x9747b28c), 0x2fa826cd);
});

test('legacyMurmurHash prints %x without zero padding', () => {
  assert.equal(legacyMurmurHash(''), '0');
  // murmur3_32("\x21", 0) = 0x72661cf4
  assert.equal(legacyMurmurHash('!'), '72661cf4');
  // find a short input whose hash has a leading zero nibble and check no padding
  let found = false;
  for (let i = 0; i < 5000 && !found; i++) {
    const n = murmur3_32(Buffer.from(`x${i}`));
    if (n < 0x10000000) {
      assert.equal(legacyMurmurHash(`x${i}`), n.toString(16));
      assert.ok(legacyMurmurHash(`x${i}`).length < 8);
      found = true;
    }
  }
  assert.ok(found);
  assert.equal(legacyMurmurHash('a', 'b'), murmur3_32(Buffer.from('a:::b')).toString(16));
});

test('stage tags: format, parse, reject others', () => {
  const d = sha3_224('x');
  const tag = formatStageTag(d, 1700000000123);
  assert.equal(tag.length, 70);
  assert.deepEqual(parseStageTag(tag), { digest: d, createdAt: 1700000000123 });
  assert.ok(isStageTag(tag));
  assert.equal(parseStageTag(d), undefined);
  assert.equal(parseStageTag(rejectedTag(tag)), undefined);
  assert.equal(parseStageTag(`meta-abc_${'0'.repeat(40)}_${tag}`), undefined);
  assert.equal(parseStageTag(`${d.toUpperCase()}-1700000000123`), undefined);
  assert.equal(parseStageTag(`${d}-170000000012`), undefined);
  assert.throws(() => formatStageTag('abc', 1700000000123));
  assert.throws(() => formatStageTag(d, 1700000000));
});

test('stage digest: amd64 and empty platform are omitted, others included', () => {
  const deps = sha256('FROM-ish');
  const expected = sha3_224(BUILD_CACHE_VERSION, 'dockerfile', deps);
  assert.equal(stageDigest({ stageName: 'dockerfile', dependencies: deps }), expected);
  assert.equal(stageDigest({ platform: 'linux/amd64', stageName: 'dockerfile', dependencies: deps }), expected);
  assert.equal(
    stageDigest({ platform: 'linux/arm64', stageName: 'dockerfile', dependencies: deps }),
    sha3_224('linux/arm64', '1.2', 'dockerfile', deps),
  );
  assert.equal(platformForDigest('linux/amd64'), undefined);
  assert.equal(platformForDigest(''), undefined);
});

test('stage digest chains the previous stage', () => {
  const prev = { digest: sha3_224('p'), nextStageDependencies: '' };
  assert.equal(
    stageDigest({ stageName: 'imageSpec', dependencies: 'd', prev }),
    sha3_224('1.2', 'imageSpec', 'd', prev.digest, ''),
  );
});

test('content digest uses "<stage>-content" and an empty dependency slot', () => {
  const d = sha3_224('q');
  assert.equal(stageContentDigest({ stageName: 'dockerfile', digest: d }), sha3_224('1.2', 'dockerfile-content', '', d, ''));
  assert.equal(
    stageContentDigest({ platform: 'linux/arm64', stageName: 'dockerfile', digest: d, nextStageDependencies: 'n' }),
    sha3_224('linux/arm64', '1.2', 'dockerfile-content', '', d, 'n'),
  );
});

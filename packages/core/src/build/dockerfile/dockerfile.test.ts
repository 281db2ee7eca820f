import { test } from 'node:test';
import assert from 'node:assert/strict';
import { processWord } from './shell.js';
import { parseDockerfile, keyValues, stageClosure, targetStageIndex, flagValue } from './parser.js';
import { computeDockerfileDependencies, platformArgs } from './digest.js';
import { sha256 } from '../../digest/index.js';
import { WerfActionError } from '../../errors/index.js';

const env = new Map([['A', 'aa'], ['EMPTY', ''], ['P', 'path/to/file.tar.gz']]);

test('processWord: quotes, escapes, expansions as BuildKit', () => {
  assert.equal(processWord('$A', env), 'aa');
  assert.equal(processWord('${A}x', env), 'aax');
  assert.equal(processWord('$UNSET-x', env), '-x');
  assert.equal(processWord('${UNSET:-def}', env), 'def');
  assert.equal(processWord('${EMPTY:-def}', env), 'def');
  assert.equal(processWord('${EMPTY-def}', env), '');
  assert.equal(processWord('${UNSET-def}', env), 'def');
  assert.equal(processWord('${A:+alt}', env), 'alt');
  assert.equal(processWord('${UNSET:+alt}', env), '');
  assert.equal(processWord("'$A'", env), '$A');
  assert.equal(processWord('"$A b"', env), 'aa b');
  assert.equal(processWord('\\$A', env), '$A');
  assert.equal(processWord('"a\\"b\\c"', env), 'a"b\\c');
  assert.equal(processWord('a b  c', env), 'a b  c');
  assert.equal(processWord('$', env), '$');
  assert.equal(processWord('${P%.*}', env), 'path/to/file.tar');
  assert.equal(processWord('${P%%.*}', env), 'path/to/file');
  assert.equal(processWord('${P#*/}', env), 'to/file.tar.gz');
  assert.equal(processWord('${P##*/}', env), 'file.tar.gz');
  assert.equal(processWord('${P/to/TO}', env), 'path/TO/file.tar.gz');
  assert.throws(() => processWord('${UNSET:?must be set}', env), /UNSET: must be set/);
  assert.throws(() => processWord("'open", env), /single-quote/);
  assert.throws(() => processWord('${A', env), /substitution/);
  assert.throws(() => processWord('${A:-x', env), /missing '}'/);
  assert.equal(processWord('`$A', env, '`'), '$A');
});

const multi = `# syntax=docker/dockerfile:1
ARG BASE=alpine:3.19
ARG TAG

FROM \${BASE} AS Builder
WORKDIR /src
# a comment between
COPY go.mod \\
     go.sum ./
RUN echo one && \\
    # comment inside continuation
    echo two
ENV A=1 B="two words"
ENV LEGACY value with spaces

FROM builder AS test
RUN make test

FROM scratch
COPY --from=builder /out/app /app
COPY ["a b.txt", "/dst/"]
ONBUILD RUN echo hi
`;

test('parser: stages, names, lines, continuations, comments, JSON form, flags', () => {
  const df = parseDockerfile(multi, 'app/Dockerfile');
  assert.equal(df.metaArgs.length, 2);
  assert.equal(df.stages.length, 3);
  assert.deepEqual(df.stages.map((s) => [s.name, s.baseName]), [['builder', '${BASE}'], ['test', 'builder'], [undefined, 'scratch']]);
  const b = df.stages[0]!;
  const copy = b.commands[1]!;
  assert.equal(copy.cmd, 'copy');
  assert.equal(copy.startLine, 8);
  assert.equal(copy.endLine, 9);
  assert.deepEqual(copy.args, ['go.mod', 'go.sum', './']);
  assert.equal(copy.original, 'COPY go.mod      go.sum ./');
  const run = b.commands[2]!;
  assert.equal(run.original, 'RUN echo one &&     echo two');
  assert.equal(run.startLine, 10);
  assert.equal(run.endLine, 12);
  assert.deepEqual(keyValues(b.commands[3]!), [{ key: 'A', value: '1' }, { key: 'B', value: '"two words"' }]);
  assert.deepEqual(keyValues(b.commands[4]!), [{ key: 'LEGACY', value: 'value with spaces' }]);
  const final = df.stages[2]!;
  assert.equal(flagValue(final.commands[0]!.flags, 'from'), 'builder');
  assert.deepEqual(final.commands[0]!.args, ['/out/app', '/app']);
  assert.equal(final.commands[1]!.json, true);
  assert.deepEqual(final.commands[1]!.args, ['a b.txt', '/dst/']);
  assert.equal(final.commands[2]!.sub?.cmd, 'run');
  assert.equal(targetStageIndex(df, 'test'), 1);
  assert.equal(targetStageIndex(df, undefined), 2);
  assert.deepEqual(stageClosure(df, 2), [0, 2]);
  assert.deepEqual(stageClosure(df, 1), [0, 1]);
  assert.throws(() => targetStageIndex(df, 'nope'), (e: unknown) => e instanceof WerfActionError && e.code === 'dockerfile.target-not-found');
});

test('parser: escape directive and heredocs', () => {
  const df = parseDockerfile('# escape=`\nFROM busybox\nRUN echo a `\n  b\nRUN <<EOF\necho x\necho y\nEOF\nCOPY <<-END /f\n\thello\n\tEND\n');
  assert.equal(df.escapeToken, '`');
  const [r1, r2, c] = df.stages[0]!.commands;
  assert.equal(r1!.original, 'RUN echo a   b');
  assert.equal(r2!.heredocs[0]!.content, 'echo x\necho y\n');
  assert.equal(r2!.endLine, 8);
  assert.equal(c!.heredocs[0]!.content, 'hello\n');
});

test('parser: syntax errors name the file and line', () => {
  const cases: [string, number, RegExp][] = [
    ['FROM a\nFOO bar\n', 2, /unknown instruction: FOO/],
    ['RUN x\nFROM a\n', 1, /no build stage/],
    ['FROM a\n\nCOPY onlyone\n', 3, /at least two arguments/],
    ['FROM a b\n', 1, /one or three arguments/],
    ['FROM a\nENV\n', 2, /ENV/],
    ['FROM a\nENV A=1 B\n', 2, /can't find =/],
    ['# only a comment\n', 1, /no instructions/],
    ['FROM a\nRUN <<EOF\nno end\n', 2, /unterminated heredoc/],
  ];
  for (const [text, line, re] of cases) {
    assert.throws(() => parseDockerfile(text, 'sub/Dockerfile'), (e: unknown) => {
      assert.ok(e instanceof WerfActionError, String(e));
      assert.equal(e.location?.file, 'sub/Dockerfile');
      assert.equal(e.location?.line, line, text);
      assert.match(e.message, re);
      assert.match(e.format(), new RegExp(`^sub/Dockerfile:${line}: `));
      return true;
    });
  }
});

function deps(text: string, opts: Partial<Parameters<typeof computeDockerfileDependencies>[0]> = {}) {
  const df = parseDockerfile(text);
  const seen: string[][] = [];
  const r = computeDockerfileDependencies({
    dockerfile: df,
    targetIndex: opts.targetIndex ?? df.stages.length - 1,
    buildArgs: {},
    dependencyArgs: {},
    addHost: [],
    platform: 'linux/amd64',
    sourcesChecksum: (s) => {
      seen.push(s);
      return `sum(${s.join(',')})`;
    },
    ...opts,
  });
  return { ...r, seen };
}

test('dockerfile dependencies: werf inputs, ARG/ENV resolution, precedence', () => {
  const text = 'ARG BASE=busybox\nARG V=meta\nFROM $BASE:1\nARG V\nARG W=${V}-w\nENV E=$W\nCOPY $E/src /dst\nRUN echo $E $HOME\nCOPY --from=other /a /b\nFROM busybox AS other\n';
  const r = deps(text, { targetIndex: 0 });
  assert.deepEqual(r.parts, [
    'busybox:1',
    'ARG V=meta',
    'ARG W=meta-w',
    'ENV E=meta-w',
    'COPY $E/src /dst',
    'sum(meta-w/src)',
    'RUN echo meta-w ',
    'COPY --from=other /a /b',
    'busybox', // the --from stage's own list is appended
  ]);
  assert.equal(r.dependencies, sha256(...r.parts));
  assert.equal(r.baseImage, 'busybox:1');
  // build args beat defaults, dependency args beat build args
  const r2 = deps(text, { targetIndex: 0, buildArgs: { V: 'b', BASE: 'alpine' }, dependencyArgs: { V: 'd' } });
  assert.equal(r2.parts[0], 'alpine:1');
  assert.equal(r2.parts[1], 'ARG V=d');
  // cacheVersion and addHost
  const r3 = deps(text, { targetIndex: 0, cacheVersion: 'cv1', addHost: ['h:1.2.3.4'] });
  assert.equal(r3.parts[0], 'h:1.2.3.4');
  assert.equal(r3.parts.at(-1), 'cv1');
  assert.notEqual(r3.dependencies, r.dependencies);
});

test('dockerfile dependencies: target stage and related stages only', () => {
  const text = 'FROM busybox AS a\nCOPY a.txt /\nFROM busybox AS unrelated\nCOPY u.txt /\nFROM a AS b\nRUN b\nFROM busybox\nCOPY --from=b /x /x\n';
  const r = deps(text);
  assert.deepEqual(r.parts, [
    'busybox', 'COPY --from=b /x /x',
    'a', 'RUN b', 'busybox', 'COPY a.txt /', 'sum(a.txt)',
  ]);
  assert.ok(!r.parts.includes('COPY u.txt /'));
  const ta = deps(text, { targetIndex: 0 });
  assert.deepEqual(ta.parts, ['busybox', 'COPY a.txt /', 'sum(a.txt)']);
});

test('dockerfile dependencies: platform ARGs and expansion errors', () => {
  const r = deps('FROM --platform=$BUILDPLATFORM busybox\nARG TARGETARCH\nRUN echo $TARGETARCH\n', { platform: 'linux/arm64' });
  assert.deepEqual(r.parts, ['busybox', 'ARG TARGETARCH=arm64', 'RUN echo arm64']);
  assert.equal(platformArgs('linux/arm64/v8').TARGETVARIANT, 'v8');
  assert.throws(() => deps('ARG B\nFROM $B\n'), (e: unknown) => e instanceof WerfActionError && e.location?.line === 2);
  assert.throws(() => deps("FROM a\nRUN echo ${X:?need X}\n"), (e: unknown) => e instanceof WerfActionError && e.location?.line === 2 && /need X/.test(e.message));
});

test('dockerfile dependencies: ONBUILD adds its expression, onbuild deps go to FROM children', () => {
  const r = deps('FROM busybox AS base\nONBUILD COPY x /x\nFROM base\nRUN y\n');
  assert.deepEqual(r.parts, ['base', 'RUN y', 'busybox', 'COPY x /x', 'COPY x /x', 'sum(x)']);
});

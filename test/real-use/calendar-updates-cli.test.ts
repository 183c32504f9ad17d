import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliAsync, tempDir } from '../helpers/cli.js';

const fields = (ics: string, name: string) => [...ics.matchAll(new RegExp(`^${name}:(.*)\\r$`, 'gm'))].map((m) => m[1]!);
/** DTSTAMP "20261206T014500Z" as seconds since the epoch. */
const seconds = (stamp: string) => Date.parse(stamp.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z')) / 1000;

describe('calendar updates', () => {
  it('keeps UIDs, raises SEQUENCE when the events change, and stamps the real time of the change', async () => {
    const dir = tempDir('ik-seq-');
    const yaml = join(dir, 'maya.yaml');
    const original = readFileSync('content/examples/maya.yaml', 'utf8');
    writeFileSync(yaml, original);
    const noEpoch = { SOURCE_DATE_EPOCH: '' };
    const ics = join(dir, 'out/maya-patel/follow-up.ics');

    const before = Math.floor(Date.now() / 1000);
    expect((await runCliAsync(['build', yaml, '-o', join(dir, 'out'), '-f', 'ics'], noEpoch)).status).toBe(0);
    const first = readFileSync(ics, 'utf8');
    const after = Math.ceil(Date.now() / 1000);
    expect(new Set(fields(first, 'SEQUENCE'))).toEqual(new Set(['0']));
    const stamp = seconds(fields(first, 'DTSTAMP')[0]!);
    expect(stamp).toBeGreaterThanOrEqual(before);
    expect(stamp).toBeLessThanOrEqual(after);

    // The same events again: the same bytes, stamp included.
    await new Promise((r) => setTimeout(r, 1100));
    expect((await runCliAsync(['build', yaml, '-o', join(dir, 'out'), '-f', 'ics'], noEpoch)).status).toBe(0);
    expect(readFileSync(ics, 'utf8')).toBe(first);

    // The meeting moves: the same events, updated.
    writeFileSync(yaml, original.replace(/time: "?14:30"?/, 'time: "15:00"'));
    expect((await runCliAsync(['build', yaml, '-o', join(dir, 'out'), '-f', 'ics'], noEpoch)).status).toBe(0);
    const second = readFileSync(ics, 'utf8');
    expect(second).not.toBe(first);
    expect(fields(second, 'UID')).toEqual(fields(first, 'UID'));
    expect(new Set(fields(second, 'SEQUENCE'))).toEqual(new Set(['1']));
    expect(seconds(fields(second, 'DTSTAMP')[0]!)).toBeGreaterThan(stamp);
  });

  it('uses SOURCE_DATE_EPOCH for DTSTAMP when it is set', async () => {
    const out = tempDir('ik-seq-');
    await runCliAsync(['build', 'content/examples/maya.yaml', '-o', out, '-f', 'ics'], { SOURCE_DATE_EPOCH: '1764547200' });
    const ics = readFileSync(join(out, 'maya-patel/follow-up.ics'), 'utf8');
    expect(new Set(fields(ics, 'DTSTAMP'))).toEqual(new Set(['20251201T000000Z']));
  });
});

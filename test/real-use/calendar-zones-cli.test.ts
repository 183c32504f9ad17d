import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveTimeZone, timeZoneCandidates } from '../../src/load/zone-names.js';
import { runCliAsync, tempDir } from '../helpers/cli.js';

const HEADER = 'student.name,mentor.name,organization.name,meeting.date,meeting.time';
const firstStart = (ics: string) => /DTSTART:(\S+)/.exec(ics)?.[1];

function roster(lines: string[]): { dir: string; file: string } {
  const dir = tempDir('ik-zone-');
  const file = join(dir, 'night.csv');
  writeFileSync(file, lines.join('\n') + '\n');
  return { dir, file };
}

describe('calendar time zones', () => {
  it('puts a batch meeting in the --timezone given, by its common name', async () => {
    const { dir, file } = roster([HEADER, 'Ana Garcia,Bob Smith,Acme,2026-12-03,14:30']);
    const run = await runCliAsync(['batch', file, '-f', 'ics', '--no-progress', '--out', join(dir, 'out'), '--timezone', 'Eastern']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const ics = readFileSync(join(dir, 'out/batch-night/ana-garcia/follow-up.ics'), 'utf8');
    expect(firstStart(ics)).toBe('20261203T193000Z');
  });

  it('reads the zone from a meeting.timezone roster column, city names included', async () => {
    const { dir, file } = roster([`${HEADER},meeting.timezone`, 'Ana Garcia,Bob Smith,Acme,2026-12-03,14:30,Mumbai', 'Bo Chen,Bob Smith,Acme,2026-12-03,14:30,Europe/Paris']);
    const run = await runCliAsync(['batch', file, '-f', 'ics', '--no-progress', '--out', join(dir, 'out')], { TZ: 'America/New_York' });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(firstStart(readFileSync(join(dir, 'out/batch-night/ana-garcia/follow-up.ics'), 'utf8'))).toBe('20261203T090000Z');
    expect(firstStart(readFileSync(join(dir, 'out/batch-night/bo-chen/follow-up.ics'), 'utf8'))).toBe('20261203T133000Z');
  });

  it("takes kit.yaml's meeting.timezone for rows without one", async () => {
    const { dir, file } = roster([HEADER, 'Ana Garcia,Bob Smith,Acme,2026-12-03,14:30']);
    writeFileSync(join(dir, 'kit.yaml'), 'meeting:\n  timezone: Pacific\n');
    const run = await runCliAsync(['batch', file, '-f', 'ics', '--no-progress', '--out', join(dir, 'out'), '--config', join(dir, 'kit.yaml')]);
    expect(run.stderr).toBe('');
    expect(firstStart(readFileSync(join(dir, 'out/batch-night/ana-garcia/follow-up.ics'), 'utf8'))).toBe('20261203T223000Z');
  });

  it("uses the computer's zone, with a warning, when nothing names one", async () => {
    const { dir, file } = roster([HEADER, 'Ana Garcia,Bob Smith,Acme,2026-12-03,14:30']);
    const run = await runCliAsync(['batch', file, '-f', 'ics', '--no-progress', '--out', join(dir, 'out')], { TZ: 'Asia/Tokyo' });
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/warning: .*no meeting\.timezone.*this computer's time zone \(Asia\/Tokyo\)/);
    expect(run.stderr).toContain('--timezone');
    expect(firstStart(readFileSync(join(dir, 'out/batch-night/ana-garcia/follow-up.ics'), 'utf8'))).toBe('20261203T053000Z');
  });

  it('refuses an ambiguous abbreviation with the zones it may mean, exit 2', async () => {
    const { dir, file } = roster([HEADER, 'Ana Garcia,Bob Smith,Acme,2026-12-03,14:30']);
    const run = await runCliAsync(['batch', file, '-f', 'ics', '--no-progress', '--out', join(dir, 'out'), '--timezone', 'IST']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('"Asia/Kolkata" or "Asia/Jerusalem" or "Europe/Dublin"');
  });

  it('warns in build when the meeting has no zone and the computer gives one', async () => {
    const dir = tempDir('ik-zone-');
    const yaml = readFileSync('content/examples/maya.yaml', 'utf8').replace(/^\s*timezone:.*\n/m, '');
    writeFileSync(join(dir, 'maya.yaml'), yaml);
    const run = await runCliAsync(['build', join(dir, 'maya.yaml'), '-f', 'ics', '--out', join(dir, 'out')], { TZ: 'Europe/Berlin' });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain("this computer's time zone (Europe/Berlin)");
    const named = await runCliAsync(['build', join(dir, 'maya.yaml'), '-f', 'ics', '--out', join(dir, 'out2'), '--timezone', 'CET'], { TZ: 'Europe/Berlin' });
    expect(named.stderr).not.toContain('warning');
  });
});

describe('time zone names', () => {
  it('maps the names people use to one IANA zone', () => {
    expect(resolveTimeZone('Eastern')).toBe('America/New_York');
    expect(resolveTimeZone('PST')).toBe('America/Los_Angeles');
    expect(resolveTimeZone('EST')).toBe('America/New_York');
    expect(resolveTimeZone('JST')).toBe('Asia/Tokyo');
    expect(resolveTimeZone('AEST')).toBe('Australia/Sydney');
    expect(resolveTimeZone('BST')).toBe('Europe/London');
    expect(resolveTimeZone('New York')).toBe('America/New_York');
    expect(resolveTimeZone('london')).toBe('Europe/London');
    expect(resolveTimeZone('Mumbai')).toBe('Asia/Kolkata');
    expect(resolveTimeZone('america/new_york')).toBe('America/New_York');
  });

  it('suggests, never picks, for a name with several meanings', () => {
    expect(resolveTimeZone('IST')).toBeUndefined();
    expect(timeZoneCandidates('IST')).toEqual(['Asia/Kolkata', 'Asia/Jerusalem', 'Europe/Dublin']);
    expect(timeZoneCandidates('Easten')).toEqual(['America/New_York']);
    expect(timeZoneCandidates('America/NewYork')).toEqual(['America/New_York']);
  });
});

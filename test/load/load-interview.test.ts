import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics.js';
import { loadGuide } from '../../src/load/load-guide.js';
import { checkQuestionIds, loadInterview } from '../../src/load/load-interview.js';
import { originOf, parseYamlSource } from '../../src/load/yaml-source.js';

const root = join(import.meta.dirname, '..', '..');
const guideText = readFileSync(join(root, 'content', 'guide.yaml'), 'utf8');
const guide = loadGuide(guideText, 'content/guide.yaml').value!;

const names = 'student:\n  name: Maya Patel\nmentor:\n  name: Dr. José Núñez\norganization:\n  name: Acme Health\n';

function messages(text: string) {
  return loadInterview(text, 'x.yaml').diagnostics.map(formatDiagnostic);
}

describe('loadInterview on good files', () => {
  it.each(['maya', 'maya-after', 'minimal', 'sofia'])('loads content/examples/%s.yaml without diagnostics', (name) => {
    const text = readFileSync(join(root, 'content', 'examples', `${name}.yaml`), 'utf8');
    const { value, diagnostics } = loadInterview(text, `${name}.yaml`, { guide });
    expect(diagnostics).toEqual([]);
    expect(value?.student.name.length).toBeGreaterThan(0);
  });

  it('fills in the meeting defaults when the meeting is not given', () => {
    const { value } = loadInterview(names, 'x.yaml');
    expect(value?.meeting).toEqual({ minutes: 20, format: 'in-person' });
  });

  it('keeps a number typed into a free-text field as the text the user wrote', () => {
    const { value, diagnostics } = loadInterview(names.replace('  name: Maya Patel\n', '  name: Maya Patel\n  phone: 5551234\n  school: 01234\n'), 'x.yaml');
    expect(diagnostics).toEqual([]);
    expect(value?.student.phone).toBe('5551234');
    expect(value?.student.school).toBe('01234');
  });

  it('keeps numbers in a free-text list as written', () => {
    const { value } = loadInterview(`${names}notes:\n  learned: [2026, 3.50]\n`, 'x.yaml');
    expect(value?.notes?.learned).toEqual(['2026', '3.50']);
  });

  it('never turns a number into a date, time or minutes', () => {
    const out = messages(`${names}meeting:\n  date: 20261203\n  time: 1430\n  minutes: "30"\n`);
    expect(out).toEqual([
      'x.yaml:8:9: error: meeting.date should be text, but it is a number (20261203)\n  hint: write it as YYYY-MM-DD, e.g. 2026-12-03',
      'x.yaml:9:9: error: meeting.time should be text, but it is a number (1430)\n  hint: write it as HH:MM on the 24-hour clock, e.g. "14:30"',
      'x.yaml:10:12: error: meeting.minutes should be a number, but it is text ("30")\n  hint: remove the quotes: minutes: 30',
    ]);
  });

  it('reads an unquoted date and an unquoted time as text (YAML 1.2)', () => {
    const { value, diagnostics } = loadInterview(`${names}meeting:\n  date: 2026-12-03\n  time: 14:30\n`, 'x.yaml');
    expect(diagnostics).toEqual([]);
    expect(value?.meeting.date).toBe('2026-12-03');
    expect(value?.meeting.time).toBe('14:30');
  });

  it('treats an optional field left blank as absent', () => {
    const { value, diagnostics } = loadInterview(names.replace('  name: Maya Patel\n', '  name: Maya Patel\n  email:\n  goals:\n  linkedin: ""\n') + 'meeting:\n', 'x.yaml');
    expect(diagnostics).toEqual([]);
    expect(value?.student).toEqual({ name: 'Maya Patel' });
    expect(value?.meeting.minutes).toBe(20);
  });

  it('accepts one line of text where a list is expected', () => {
    const { value } = loadInterview(names.replace('  name: Maya Patel\n', '  name: Maya Patel\n  goals: Learn what L&D directors do\n'), 'x.yaml');
    expect(value?.student.goals).toEqual(['Learn what L&D directors do']);
  });

  it('normalises text to NFC, so a decomposed é equals a composed one', () => {
    const { value } = loadInterview(names.replace('José', 'Jose\u0301'), 'x.yaml');
    expect(value?.mentor.name).toBe('Dr. Jos\u00e9 Núñez');
  });

  it('keeps Greek, Cyrillic and CJK names exactly', () => {
    const { value } = loadInterview(names.replace('Maya Patel', 'Σοφία Παπαδοπούλου').replace('Dr. José Núñez', 'Дмитрий Иванов').replace('Acme Health', '東京大学'), 'x.yaml');
    expect([value?.student.name, value?.mentor.name, value?.organization.name]).toEqual(['Σοφία Παπαδοπούλου', 'Дмитрий Иванов', '東京大学']);
  });

  it('expands a few aliases as YAML means them', () => {
    const { value } = loadInterview(`student:\n  name: &n Maya Patel\nmentor:\n  name: Dr. José Núñez\norganization:\n  name: *n\n`, 'x.yaml');
    expect(value?.organization.name).toBe('Maya Patel');
  });

  it('returns plain objects with the usual prototype to the rest of the program', () => {
    const { value } = loadInterview(names, 'x.yaml');
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(value!.student)).toBe(Object.prototype);
  });
});

describe('loadInterview on bad files', () => {
  it('reports a problem of every kind in one run, in file order', () => {
    const out = messages(`student:\n  nam: Maya\nmentor:\n  name: [a, b]\norganization:\n  name: Acme\n  website: ftp://acme.example\n`);
    expect(out).toEqual([
      'x.yaml:1:1: error: student.name is missing\n  hint: "nam" on line 2 may be meant as "name"',
      'x.yaml:2:3: error: unknown field "nam" in student\n  hint: did you mean "name"?',
      'x.yaml:4:9: error: mentor.name should be text, but it is a list\n  hint: write it as one line of text, without "- " or [ ]',
      'x.yaml:7:12: error: organization.website is not an allowed web address ("ftp://acme.example")\n  hint: "ftp:" addresses are not allowed; use one starting with https://, http:// or mailto:',
    ]);
  });

  it('says which day is wrong in an impossible date', () => {
    const d = loadInterview(`${names}meeting:\n  date: 2028-02-30\n`, 'x.yaml').diagnostics[0]!;
    expect(d.hints).toEqual(['February 2028 has 29 days']);
    expect(d.field).toBe('meeting.date');
  });

  it('names the 24-hour time for a 12-hour one', () => {
    const d = loadInterview(`${names}meeting:\n  time: 9:05 a.m.\n`, 'x.yaml').diagnostics[0]!;
    expect(d.hints).toEqual(['write it on the 24-hour clock: "09:05"']);
  });

  it('reports an empty section at its key', () => {
    expect(messages(`student:\nmentor:\n  name: B\norganization:\n  name: C\n`)).toEqual([
      'x.yaml:1:1: error: student is empty\n  hint: write its fields on indented lines below "student:", e.g. "  name: …"',
    ]);
  });

  it('reports a missing top-level section with what it needs', () => {
    expect(messages('student:\n  name: A\nmentor:\n  name: B\n')).toEqual([
      'x.yaml:1:1: error: organization is missing\n  hint: add a "organization:" section with "name: …" indented below it',
    ]);
  });

  it('reports an empty item of a list with its position in the list', () => {
    const d = loadInterview(`${names}notes:\n  learned:\n    - one\n    - ""\n`, 'x.yaml').diagnostics[0]!;
    expect(formatDiagnostic(d)).toBe('x.yaml:10:7: error: notes.learned item 2 is empty\n  hint: write the item after "- ", or delete the line');
  });

  it('reports invisible control characters where they are', () => {
    expect(messages(names.replace('Acme Health', 'Acme\u0007Health'))).toEqual([
      'x.yaml:6:13: error: invisible control character U+0007 in the text\n  hint: delete it (it often comes from copying out of a PDF or a word processor)',
    ]);
  });

  it('reports text that is too long with its length', () => {
    expect(messages(names.replace('Acme Health', 'A'.repeat(301)))).toEqual([
      'x.yaml:6:9: error: organization.name is too long (301 characters; at most 300)\n  hint: shorten it; the documents have room for a few lines here',
    ]);
  });

  it('tells a missing space after a colon apart from other syntax errors', () => {
    expect(messages(`${names}meeting:\n  minutes:20\n`)).toEqual([
      'x.yaml:8:3: error: meeting should be a mapping of fields, but it is text ("minutes:20")\n  hint: put a space after the colon: "minutes: 20"',
    ]);
    expect(messages(`${names}notes:\n  advice: x\nmentor:Bob\n`)[0]).toContain('hint: put a space after the colon, e.g. "name: Maya Patel"');
  });

  it('stops at ten syntax errors and says how many more follow', () => {
    const text = Array.from({ length: 30 }, (_, i) => `k${i}: "open\n`).join('');
    const diagnostics = loadInterview(text, 'x.yaml').diagnostics;
    expect(diagnostics.length).toBeLessThanOrEqual(10);
    expect(diagnostics.every((d) => d.line && d.column)).toBe(true);
  });

  it('names a UTF-8 decoding problem as such', () => {
    const d = loadInterview(names.replace('Núñez', 'N\uFFFDez'), 'x.yaml').diagnostics[0]!;
    expect(d).toMatchObject({ line: 4, column: 19, message: 'this is not a text file: it contains bytes that are not UTF-8 text' });
  });

  it('recognises a PDF given instead of the YAML file', () => {
    const d = loadInterview('%PDF-1.7\n%\uFFFD\uFFFD\n1 0 obj\n', 'packet.pdf').diagnostics[0]!;
    expect(d.hints).toEqual(['this looks like a PDF; give the path of the .yaml file instead']);
  });

  it('reports an alias to an anchor that does not exist', () => {
    expect(messages(`${names}notes:\n  advice: *tip\n`)).toEqual([
      'x.yaml:8:11: error: unknown alias "*tip"\n  hint: define it earlier with "&tip", or write the value itself',
    ]);
  });

  it('refuses an alias that contains itself', () => {
    const { value, diagnostics } = loadInterview(`${names}notes:\n  learned: &a [x, *a]\n`, 'x.yaml');
    expect(value).toBeUndefined();
    expect(diagnostics.some((d) => d.severity === 'error' && d.line)).toBe(true);
  });
});

describe('checkQuestionIds', () => {
  const text = `${names}questions:\n  include: [career-field, how-interestd]\n  exclude: nonsense\n`;

  it('points at each unknown id with a did-you-mean', () => {
    const { value } = loadInterview(text, 'x.yaml');
    expect(checkQuestionIds(value!, guide).map(formatDiagnostic)).toEqual([
      'x.yaml:8:27: error: unknown question or group "how-interestd" in questions.include\n  hint: did you mean "how-interested"?',
      'x.yaml:9:12: error: unknown question or group "nonsense" in questions.exclude\n  hint: groups: career-field, organization, individual\n  hint: run "interview-kit questions" to list every question id',
    ]);
  });

  it('positions the ids from the text when the interview was not loaded by loadInterview', () => {
    const { value } = loadInterview(text, 'x.yaml');
    const copy = structuredClone(value!);
    const found = checkQuestionIds(copy, guide, originOf(parseYamlSource(text, 'y.yaml')));
    expect(found.map((d) => [d.file, d.line, d.column])).toEqual([
      ['y.yaml', 8, 27],
      ['y.yaml', 9, 12],
    ]);
  });

  it('is part of loadInterview when a guide is given, together with the other problems', () => {
    const { value, diagnostics } = loadInterview(text.replace('Acme Health', '""'), 'x.yaml', { guide });
    expect(value).toBeUndefined();
    expect(diagnostics.map((d) => d.line)).toEqual([6, 8, 9]);
  });
});

describe('loadGuide', () => {
  it('loads the bundled guide', () => {
    const { value, diagnostics } = loadGuide(guideText, 'guide.yaml');
    expect(diagnostics).toEqual([]);
    expect(value?.question_groups.length).toBeGreaterThan(0);
  });

  it('refuses a question id used twice, naming both lines', () => {
    const first = guide.question_groups[0]!.questions[0]!.id;
    const second = guide.question_groups[1]!.questions[0]!.id;
    const text = guideText.replace(new RegExp(`id: ${second}\\b`), `id: ${first}`);
    const { value, diagnostics } = loadGuide(text, 'guide.yaml');
    expect(value).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.message).toBe(`the id "${first}" is used twice`);
    expect(diagnostics[0]!.hints![0]).toMatch(/^it is already used on line \d+;/);
  });
});

describe('size limits', () => {
  it('refuses a file of more than 10000 values without blaming aliases when it has none', () => {
    const text = `${names}notes:\n  learned:\n${'    - x\n'.repeat(10_001)}`;
    const { value, diagnostics } = loadInterview(text, 'x.yaml');
    expect(value).toBeUndefined();
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      expect.stringMatching(/^x\.yaml:\d+:\d+: error: the file holds more than 10000 values\n {2}hint: an interview file holds a few dozen; check that this is the right file$/),
    ]);
  });
});

describe('time zones', () => {
  it('refuses an unknown time zone at its position, with the closest real one', () => {
    expect(messages(`${names}meeting:\n  timezone: America/New_Yrok\n`)).toEqual([
      'x.yaml:8:13: error: meeting.timezone is not a time zone ("America/New_Yrok")\n  hint: did you mean "America/New_York"?\n  hint: write an IANA zone name such as America/New_York or Europe/Paris',
    ]);
  });

  it('accepts IANA zone names and UTC', () => {
    for (const zone of ['Europe/Athens', 'Asia/Tokyo', 'UTC']) {
      expect(loadInterview(`${names}meeting:\n  timezone: ${zone}\n`, 'x.yaml').value?.meeting.timezone).toBe(zone);
    }
  });
});

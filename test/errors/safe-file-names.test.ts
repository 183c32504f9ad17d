import { describe, expect, it } from 'vitest';
import { isReservedName, safeFileName } from '../../src/kits/safe-file-name.js';
import { uniqueNames } from '../../src/kits/unique-names.js';

describe('safeFileName', () => {
  it.each([
    ['Maya Patel', 'maya-patel'],
    ['Dr. José Núñez', 'dr-jose-nunez'],
    ['Σοφία Παπαδοπούλου', 'sofia-papadopoulou'],
    ['Ελένη Ευαγγέλου', 'eleni-evangelou'],
    ['Дмитрий Иванов', 'dmitrii-ivanov'],
    ['Юлия Щербакова', 'iuliia-shcherbakova'],
    ['Æsa Øberg-Łukasz', 'aesa-oberg-lukasz'],
    ['Jürgen Weiß', 'jurgen-weiss'],
    ['Nguyễn Văn Anh', 'nguyen-van-anh'],
    ["Zoë O'Brien", 'zoe-obrien'],
    ['İlkay Gündoğan', 'ilkay-gundogan'],
    ['ﬁnn ＡＢＣ', 'finn-abc'],
  ])('spells %s as %s', (name, expected) => {
    expect(safeFileName(name)).toBe(expected);
  });

  it.each([
    ['王小明', '王小明'],
    ['김민준', '김민준'],
    ['محمد علي', 'محمد-علي'],
    ['अनन्या शर्मा', 'अनन्या-शर्मा'],
  ])('keeps %s readable in its own script', (name, expected) => {
    expect(safeFileName(name)).toBe(expected);
  });

  it.each(['../../etc/passwd', 'a/b\\c:d*e?f"g<h>i|j', '..', '.', ' .hidden. ', 'tab\there\u0000nul\u0007bell\u202Eltr', 'CON', 'nul', 'Com1', 'LPT9', 'aux.txt'])(
    'makes %j safe on Linux, macOS and Windows',
    (name) => {
      const out = safeFileName(name);
      expect(out).not.toMatch(/[/\\:*?"<>|\u0000-\u001f\u007f-\u009f\u202e]/);
      expect(out).not.toMatch(/^[.\s-]|[.\s-]$/);
      expect(['.', '..']).not.toContain(out);
      expect(isReservedName(out)).toBe(false);
    },
  );

  it('turns reserved Windows device names into ordinary names', () => {
    expect(safeFileName('CON')).toBe('con_');
    expect(safeFileName('Lpt1')).toBe('lpt1_');
    expect(safeFileName('Con Nolan')).toBe('con-nolan');
  });

  it('returns an empty name when nothing usable is left, so callers choose a fallback', () => {
    expect(safeFileName('...')).toBe('');
    expect(safeFileName('👩‍💻')).toBe('');
  });

  it('keeps names at most 64 characters, cut at a word boundary', () => {
    const out = safeFileName('Maria Fernanda de los Ángeles Gutiérrez Castañeda y Rodríguez de la Vega');
    expect([...out].length).toBeLessThanOrEqual(64);
    expect(out).toBe('maria-fernanda-de-los-angeles-gutierrez-castaneda-y-rodriguez-de');
    expect([...safeFileName('x'.repeat(200))].length).toBe(64);
  });

  it('gives the same name for the same person however the accents were typed', () => {
    expect(safeFileName('Jose\u0301')).toBe(safeFileName('Jos\u00e9'));
  });
});

describe('uniqueNames', () => {
  it('numbers later duplicates from 2, in order', () => {
    expect(uniqueNames(['maya-patel', 'sofia', 'maya-patel', 'maya-patel'])).toEqual(['maya-patel', 'sofia', 'maya-patel-2', 'maya-patel-3']);
  });

  it('never takes a name another entry already has', () => {
    expect(uniqueNames(['maya-patel', 'maya-patel', 'maya-patel-2'])).toEqual(['maya-patel', 'maya-patel-3', 'maya-patel-2']);
  });

  it('treats names differing only in case as the same, as macOS and Windows do', () => {
    expect(uniqueNames(['ab', 'AB'])).toEqual(['ab', 'AB-2']);
  });

  it('gives empty names a fallback, made unique too', () => {
    expect(uniqueNames(['', '', 'x'], 'student')).toEqual(['student', 'student-2', 'x']);
  });

  it('keeps a suffixed name within 64 characters', () => {
    const long = 'a'.repeat(64);
    const [, second] = uniqueNames([long, long]);
    expect(second).toBe(`${'a'.repeat(62)}-2`);
  });

  it('is deterministic', () => {
    const names = ['b', 'a', 'b', 'a', 'b'];
    expect(uniqueNames(names)).toEqual(uniqueNames([...names]));
  });
});

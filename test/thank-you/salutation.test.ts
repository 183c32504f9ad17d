import { describe, expect, it } from 'vitest';
import { chooseSalutation } from '../../src/kits/salutation.js';

describe('chooseSalutation', () => {
  it('uses mentor.salutation as written when it is given', () => {
    expect(chooseSalutation({ name: 'Dr. José Núñez', salutation: 'José' })).toMatchObject({ salutation: 'José', basis: 'configured' });
  });

  it('drops a "Dear" and a trailing comma the user typed into mentor.salutation', () => {
    expect(chooseSalutation({ name: 'Amara Okafor', salutation: 'Dear Dr. Okafor,' }).salutation).toBe('Dr. Okafor');
  });

  it('addresses a name that starts with Dr. by honorific and family name', () => {
    expect(chooseSalutation({ name: 'Dr. José Núñez', pronouns: 'he/him' })).toMatchObject({ salutation: 'Dr. Núñez', basis: 'honorific', plainName: 'José Núñez' });
  });

  it('normalises "Dr" without a dot and keeps "Prof." and "Professor" as written', () => {
    expect(chooseSalutation({ name: 'Dr Amara Okafor' }).salutation).toBe('Dr. Okafor');
    expect(chooseSalutation({ name: 'Prof. Wei Lin' }).salutation).toBe('Prof. Lin');
    expect(chooseSalutation({ name: 'Professor Wei Lin' }).salutation).toBe('Professor Lin');
  });

  it('reads a doctorate after the name as Dr.', () => {
    expect(chooseSalutation({ name: 'Amara Okafor, PhD' }).salutation).toBe('Dr. Okafor');
    expect(chooseSalutation({ name: 'Amara Okafor M.D.' }).salutation).toBe('Dr. Okafor');
    expect(chooseSalutation({ name: 'Amara Okafor, Ph.D., MBA' }).plainName).toBe('Amara Okafor');
  });

  it('addresses a professor by title when the position says so', () => {
    expect(chooseSalutation({ name: 'Amara Okafor', title: 'Associate Professor of Nursing', pronouns: 'she/her' })).toMatchObject({ salutation: 'Professor Okafor', basis: 'title' });
  });

  it('reads a doctorate in the academic program as Dr.', () => {
    expect(chooseSalutation({ name: 'José Núñez', program: 'Ed.D. Adult Learning and Leadership, 2009', pronouns: 'he/him' }).salutation).toBe('Dr. Núñez');
    expect(chooseSalutation({ name: 'Amara Okafor', program: 'PhD in Epidemiology' }).salutation).toBe('Dr. Okafor');
  });

  it('does not read a master’s program as a doctorate', () => {
    expect(chooseSalutation({ name: 'Jordan Lee', program: 'M.A. Organizational Psychology', pronouns: 'she/her' }).salutation).toBe('Ms. Lee');
    expect(chooseSalutation({ name: 'Jordan Lee', program: 'MBA, 2015', pronouns: 'he/him' }).salutation).toBe('Mr. Lee');
  });

  it('reads a physician’s position as Dr.', () => {
    expect(chooseSalutation({ name: 'Amara Okafor', title: 'Attending Physician' }).salutation).toBe('Dr. Okafor');
  });

  it('chooses Mr., Ms. or Mx. from the first pronoun', () => {
    expect(chooseSalutation({ name: 'Jordan Lee', pronouns: 'he/him' })).toMatchObject({ salutation: 'Mr. Lee', basis: 'pronouns' });
    expect(chooseSalutation({ name: 'Jordan Lee', pronouns: 'She/Her' }).salutation).toBe('Ms. Lee');
    expect(chooseSalutation({ name: 'Jordan Lee', pronouns: 'they/them' }).salutation).toBe('Mx. Lee');
    expect(chooseSalutation({ name: 'Jordan Lee', pronouns: 'she/they' }).salutation).toBe('Ms. Lee');
  });

  it('falls back to the full name for other pronouns or none', () => {
    expect(chooseSalutation({ name: 'Jordan Lee', pronouns: 'ze/zir' })).toMatchObject({ salutation: 'Jordan Lee', basis: 'full-name' });
    expect(chooseSalutation({ name: 'Jordan Lee' })).toMatchObject({ salutation: 'Jordan Lee', basis: 'full-name' });
  });

  it('keeps a single-word name whole instead of writing "Ms. Cher"', () => {
    expect(chooseSalutation({ name: 'Cher', pronouns: 'she/her' }).salutation).toBe('Cher');
  });

  it('keeps Mr., Ms. or Mrs. written in the name', () => {
    expect(chooseSalutation({ name: 'Mrs. Jordan Lee', pronouns: 'they/them' }).salutation).toBe('Mrs. Lee');
  });

  it('keeps particles with the family name', () => {
    expect(chooseSalutation({ name: 'Ludwig van Beethoven', pronouns: 'he/him' }).salutation).toBe('Mr. van Beethoven');
    expect(chooseSalutation({ name: 'Dr. María de la Cruz' }).salutation).toBe('Dr. de la Cruz');
    expect(chooseSalutation({ name: 'Anna von der Heide', pronouns: 'she/her' }).salutation).toBe('Ms. von der Heide');
    expect(chooseSalutation({ name: 'Khalid Al Rashid', pronouns: 'he/him' }).salutation).toBe('Mr. Al Rashid');
  });

  it('addresses a Malay patronymic name by the name before "bin"', () => {
    expect(chooseSalutation({ name: 'Ahmad bin Salleh', pronouns: 'he/him' }).salutation).toBe('Mr. Ahmad');
    expect(chooseSalutation({ name: 'Dr. Siti binti Abdullah' }).salutation).toBe('Dr. Siti');
  });

  it('ignores nicknames and generational suffixes', () => {
    expect(chooseSalutation({ name: 'Robert "Bob" Smith Jr.', pronouns: 'he/him' }).salutation).toBe('Mr. Smith');
    expect(chooseSalutation({ name: 'Robert (Bob) Smith', pronouns: 'he/him' }).salutation).toBe('Mr. Smith');
  });

  it('reads "Family, Given" as the family name first', () => {
    expect(chooseSalutation({ name: 'Lee, Jordan', pronouns: 'she/her' })).toMatchObject({ salutation: 'Ms. Lee', plainName: 'Jordan Lee' });
  });

  it('uses Sir and Dame with the given name', () => {
    expect(chooseSalutation({ name: 'Sir Patrick Stewart' }).salutation).toBe('Sir Patrick');
  });

  it('finds the family name of Cyrillic, Greek and Arabic names', () => {
    expect(chooseSalutation({ name: 'Дмитрий Иванов', pronouns: 'he/him' }).salutation).toBe('Mr. Иванов');
    expect(chooseSalutation({ name: 'Σοφία Παπαδοπούλου', pronouns: 'she/her' }).salutation).toBe('Ms. Παπαδοπούλου');
    expect(chooseSalutation({ name: 'Dr. ليلى حداد' }).salutation).toBe('Dr. حداد');
  });

  it('keeps a Chinese or Japanese name without spaces whole', () => {
    expect(chooseSalutation({ name: '王小明', pronouns: 'she/her' })).toMatchObject({ salutation: '王小明', basis: 'full-name' });
    expect(chooseSalutation({ name: 'Dr. 山田太郎' }).salutation).toBe('Dr. 山田太郎');
  });

  it('takes the first word as the family name of a spaced Korean name', () => {
    expect(chooseSalutation({ name: '김 민준', pronouns: 'he/him' }).salutation).toBe('Mr. 김');
  });
});

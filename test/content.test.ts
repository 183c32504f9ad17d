import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { guideSchema, type Guide } from '../src/load/content-schema.js';
import { interviewSchema, type Interview } from '../src/load/schema.js';
import { RUN_WORDS, runHash, words } from '../scripts/seed-runs.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const contentDir = path.join(repoRoot, 'content');
const examplesDir = path.join(contentDir, 'examples');
const fixturesDir = path.join(repoRoot, 'test', 'fixtures', 'content');
/** The handout the guide grew from, as hashes of its runs of eight words (scripts/seed-runs.ts writes them). */
const seedRuns = new Set<string>(JSON.parse(readFileSync(path.join(fixturesDir, 'seed-runs.json'), 'utf8')));

const guideText = readFileSync(path.join(contentDir, 'guide.yaml'), 'utf8');

/** Parses with zod and fails with the readable issue list when invalid. */
function parseOrFail<T extends z.ZodType>(schema: T, value: unknown, file: string): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new Error(`${file} is invalid:\n${z.prettifyError(result.error)}`);
  }
  return result.data;
}

const guide: Guide = parseOrFail(guideSchema, parse(guideText), 'content/guide.yaml');
const bank = guide.question_groups.flatMap((group) => group.questions.map((q) => ({ ...q, group: group.id })));
const byId = new Map(bank.map((q) => [q.id, q]));
const groupIds = guide.question_groups.map((g) => g.id);
/** Minutes a custom question is assumed to take: the bank's default estimate. */
const customMinutes = guideSchema.shape.question_groups.element.shape.questions.element.shape.minutes.parse(undefined);

/** Every run of eight consecutive words of `text` that also occurs in the handout. */
function findCopiedRuns(text: string): string[] {
  const own = words(text);
  const hits: string[] = [];
  for (let i = 0; i + RUN_WORDS <= own.length; i++) {
    const run = own.slice(i, i + RUN_WORDS).join(' ');
    if (seedRuns.has(runHash(run))) hits.push(run);
  }
  return hits;
}

/** Minutes the questions chosen by an interview take, counting custom questions at the default estimate. */
function selectedMinutes(interview: Interview): number {
  const chosen = new Set<string>();
  for (const entry of interview.questions?.include ?? []) {
    const group = guide.question_groups.find((g) => g.id === entry);
    for (const q of group ? group.questions : [byId.get(entry)!]) chosen.add(q.id);
  }
  for (const entry of interview.questions?.exclude ?? []) chosen.delete(entry);
  const bankMinutes = [...chosen].reduce((sum, id) => sum + byId.get(id)!.minutes, 0);
  return bankMinutes + (interview.questions?.custom?.length ?? 0) * customMinutes;
}

function loadExample(name: string): Interview {
  const file = path.join(examplesDir, name);
  return parseOrFail(interviewSchema, parse(readFileSync(file, 'utf8')), `content/examples/${name}`);
}

const EXPECTED_QUESTIONS: Record<string, string[]> = {
  'career-field': [
    'positions-in-field',
    'skills-needed',
    'training-education',
    'disadvantages',
    'entry-level-outlook',
    'future-of-field',
  ],
  organization: [
    'org-goals',
    'org-philosophy',
    'training-programs',
    'entry-level-role',
    'career-path-org',
    'your-responsibilities',
    'personal-qualities',
    'pressure',
    'performance-success',
  ],
  individual: ['how-interested', 'your-career-path', 'like-best', 'like-least', 'do-it-again', 'my-background'],
};

describe('content/guide.yaml', () => {
  it('validates against the guide schema', () => {
    expect(guideSchema.safeParse(parse(guideText)).success).toBe(true);
  });

  it('groups the question bank as career field, organization and individual', () => {
    expect(groupIds).toEqual(['career-field', 'organization', 'individual']);
  });

  it('contains every question of the handout under its stable id and group', () => {
    for (const [group, ids] of Object.entries(EXPECTED_QUESTIONS)) {
      for (const id of ids) expect(byId.get(id)?.group, `question ${id}`).toBe(group);
    }
    expect(bank).toHaveLength(21);
  });

  it('uses each question id once, and never the id of a group', () => {
    const ids = bank.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(groupIds).not.toContain(id);
  });

  it('gives every question a reason to ask it and a realistic time estimate', () => {
    for (const q of bank) {
      expect(q.why, q.id).toBeTruthy();
      expect(q.minutes, q.id).toBeGreaterThanOrEqual(1.5);
      expect(q.minutes, q.id).toBeLessThanOrEqual(3);
    }
  });

  it('lists exactly six reasons to hold an informational interview', () => {
    expect(guide.reasons.items).toHaveLength(6);
  });

  it('names one source per kind of organization research', () => {
    expect(guide.preparation.know_organization.sources.map((s) => s.name)).toHaveLength(5);
  });

  it('picks starter questions from all three groups that fit the question time of a 20-minute meeting', () => {
    const starters = bank.filter((q) => q.starter);
    expect(starters.length).toBeGreaterThanOrEqual(7);
    expect(starters.length).toBeLessThanOrEqual(10);
    expect(new Set(starters.map((q) => q.group))).toEqual(new Set(groupIds));
    const questionTime = 20 - guide.time_plan.opening_minutes - guide.time_plan.closing_minutes;
    expect(starters.reduce((sum, q) => sum + q.minutes, 0)).toBeLessThanOrEqual(questionTime);
  });

  it('keys every research prompt by an optional field of interview.yaml', () => {
    const keys = Object.keys(guide.preparation.research_prompts);
    expect(keys).toEqual(
      expect.arrayContaining([
        'mentor.email',
        'organization.website',
        'organization.industry',
        'organization.location',
        'organization.mission',
        'organization.research',
      ]),
    );
    for (const key of keys) {
      const [section, field, ...rest] = key.split('.');
      expect(rest, key).toEqual([]);
      const sectionSchema = interviewSchema.shape[section as keyof typeof interviewSchema.shape];
      expect(sectionSchema, key).toBeInstanceOf(z.ZodObject);
      const fieldSchema = (sectionSchema as z.ZodObject).shape[field!];
      expect(fieldSchema, key).toBeDefined();
      expect(fieldSchema!.safeParse(undefined).success, `${key} must be optional`).toBe(true);
    }
  });

  it('uses only the {mentor} and {organization} placeholders in research prompts', () => {
    for (const [key, prompt] of Object.entries(guide.preparation.research_prompts)) {
      const placeholders = prompt.match(/\{[^}]*\}/g) ?? [];
      for (const p of placeholders) expect(['{mentor}', '{organization}'], `${key}: ${p}`).toContain(p);
    }
  });

  it('asks each preparation task once: no research prompt for a field the steps already ask about', () => {
    const steps = [...guide.preparation.know_yourself.steps, ...guide.preparation.know_mentor.steps].join(' ');
    for (const field of ['student.goals', 'student.strengths', 'student.background', 'mentor.title', 'mentor.department', 'mentor.program', 'mentor.linkedin']) {
      expect(guide.preparation.research_prompts[field], field).toBeUndefined();
    }
    for (const topic of [/goals/, /strengths/, /30-second introduction/, /current role/, /academic program and department/, /LinkedIn/]) expect(steps).toMatch(topic);
  });

  it('speaks of the meeting’s length only through {minutes}, so the advice follows meeting.minutes', () => {
    expect(guideText).toContain('{minutes}');
    expect(guideText.replace(/^\s*#.*$/gm, '').replace(/opening_minutes: \d+|closing_minutes: \d+|minutes: [\d.]+/g, '')).not.toMatch(/\b\d+ minutes?\b/);
  });

  it('uses typographic quotes and apostrophes, never straight ones, in its text', () => {
    const text = guideText.replace(/^\s*#.*$/gm, '');
    expect(text).not.toMatch(/['"]/);
  });

  it('covers every point of the seed handout', () => {
    // Each point of the handout the guide grew from, and the words that carry it here.
    const points: Record<string, RegExp> = {
      'the student asks the questions': /\*\*you\*\* ask the questions/,
      'by phone or in person, best at the workplace': /by phone[\s\S]*face to face[\s\S]*meet in person at your mentor’s workplace/,
      'six reasons': /Explore careers[\s\S]*Hear about openings[\s\S]*Grow your professional network[\s\S]*Build confidence[\s\S]*Get current information[\s\S]*strengths and weaknesses/,
      'information, not a job': /not to look for a job/,
      'know yourself: what you need from a mentor': /what you want from a mentor/,
      'know the mentor: program, department, position': /academic program and department[\s\S]*current role/,
      'know the organization: five sources': /Company website[\s\S]*Annual reports[\s\S]*Directories[\s\S]*Newspapers[\s\S]*Other professionals/,
      'let them talk, do not dominate, positive without flattery': /most of the talking[\s\S]*never turns into a speech[\s\S]*without flattery and without pushing/,
      'a time limit unless they offer more': /Keep to \*\*\{minutes\}\*\*[\s\S]*only if\s+your mentor offers/,
      'close: objective met, sum up, thank, value, contact again, business card':
        /Has it been met\?[\s\S]*Sum up[\s\S]*positive note[\s\S]*Thank them[\s\S]*most valuable[\s\S]*contact them again[\s\S]*business card/,
      'thank-you note within 24 hours, stay in touch, report progress, show appreciation':
        /Within 24 hours[\s\S]*thank-you note[\s\S]*occasional contact[\s\S]*progress[\s\S]*stay in touch[\s\S]*value their help/,
    };
    const flat = guideText.replace(/\s+/g, ' ');
    for (const [point, pattern] of Object.entries(points)) expect(flat, point).toMatch(pattern);
  });

  it('is written in its own words: no run of eight words from the seed handout', () => {
    expect(findCopiedRuns(guideText)).toEqual([]);
  });
});

describe('templates/', () => {
  const templatesDir = path.join(repoRoot, 'templates');
  const files = [
    ...readdirSync(templatesDir).filter((f) => f.endsWith('.hbs')),
    ...readdirSync(path.join(templatesDir, 'partials')).map((f) => path.join('partials', f)),
  ];

  it.each(files)('%s uses typographic quotes and apostrophes in its own words', (file) => {
    const source = readFileSync(path.join(templatesDir, file), 'utf8');
    // Handlebars tags (and the quoted arguments inside them) are syntax, not words.
    const words = source.replace(/\{\{!--[\s\S]*?--\}\}/g, '').replace(/\{\{[\s\S]*?\}\}/g, '');
    expect(words).not.toMatch(/['"]/);
  });
});

describe('the own-words check', () => {
  it('flags a sentence copied from the handout', () => {
    const copied = readFileSync(path.join(fixturesDir, 'copied-passage.txt'), 'utf8');
    expect(findCopiedRuns(copied)).toContain('allow the person being interviewed to do most');
  });

  it('accepts the same advice rephrased', () => {
    const rephrased = readFileSync(path.join(fixturesDir, 'own-words-passage.txt'), 'utf8');
    expect(findCopiedRuns(rephrased)).toEqual([]);
  });
});

describe('content/examples', () => {
  // Interview examples; kit.yaml (office settings) and roster*.yaml (lists) have their own tests.
  const files = readdirSync(examplesDir).filter((f) => f.endsWith('.yaml') && f !== 'kit.yaml' && !f.startsWith('roster'));

  it('ships the four documented examples', () => {
    expect(files).toEqual(expect.arrayContaining(['maya.yaml', 'maya-after.yaml', 'minimal.yaml', 'sofia.yaml']));
  });

  it.each(files)('%s validates against the interview schema', (name) => {
    expect(interviewSchema.safeParse(parse(readFileSync(path.join(examplesDir, name), 'utf8'))).success).toBe(true);
    loadExample(name);
  });

  it.each(files)('%s selects only questions and groups that exist in the bank', (name) => {
    const { questions } = loadExample(name);
    for (const entry of [...(questions?.include ?? []), ...(questions?.exclude ?? [])]) {
      expect(groupIds.includes(entry) || byId.has(entry), `${name}: ${entry}`).toBe(true);
    }
  });

  it.each(files)('%s chooses questions that fit its meeting', (name) => {
    const interview = loadExample(name);
    const questionTime = interview.meeting.minutes - guide.time_plan.opening_minutes - guide.time_plan.closing_minutes;
    if (interview.questions?.include) expect(selectedMinutes(interview)).toBeLessThanOrEqual(questionTime);
    else expect(bank.filter((q) => q.starter).reduce((s, q) => s + q.minutes, 0)).toBeLessThanOrEqual(questionTime);
  });

  it('maya.yaml is a before-the-meeting example covering all three groups, with research left to do', () => {
    const maya = loadExample('maya.yaml');
    const groups = new Set(maya.questions!.include!.map((id) => byId.get(id)?.group ?? id));
    expect(groups).toEqual(new Set(groupIds));
    expect(maya.questions!.custom).toHaveLength(1);
    expect(maya.notes).toBeUndefined();
    expect(maya.organization.mission).toBeUndefined();
    expect(guide.preparation.research_prompts['organization.mission']).toBeDefined();
  });

  it('maya-after.yaml is maya.yaml plus the notes written after the meeting', () => {
    const { notes, ...before } = loadExample('maya-after.yaml');
    expect(before).toEqual(loadExample('maya.yaml'));
    expect(notes?.learned).toHaveLength(2);
    expect(notes?.business_card).toBe(true);
    expect(notes?.advice && notes.influence && notes.referrals?.length && notes.next_steps?.length).toBeTruthy();
  });

  it('minimal.yaml holds only the three required names', () => {
    expect(parse(readFileSync(path.join(examplesDir, 'minimal.yaml'), 'utf8'))).toEqual({
      student: { name: expect.any(String) },
      mentor: { name: expect.any(String) },
      organization: { name: expect.any(String) },
    });
  });

  it('sofia.yaml keeps Greek, Cyrillic and accented Latin names intact for a video meeting', () => {
    const sofia = loadExample('sofia.yaml');
    expect(sofia.student.name).toBe('Σοφία Παπαδοπούλου');
    expect(sofia.mentor.name).toBe('Дмитрий Иванов');
    expect(sofia.organization.name).toBe('Société Générale Études');
    expect(sofia.meeting.format).toBe('video');
    expect(sofia.meeting.link).toMatch(/^https:\/\//);
  });
});

/** The form's draft and the interview.yaml it stands for. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadGuide } from '../../src/load/load-guide.js';
import { loadInterview } from '../../src/load/load-interview.js';
import { chosenQuestionIds, dataToDraft, draftFromFragment, draftToYaml } from '../../src/web/draft.js';
import { repoRoot } from '../helpers/kit.js';

const guide = loadGuide(readFileSync(join(repoRoot, 'content', 'guide.yaml'), 'utf8'), 'guide.yaml').value!;

describe('the draft', () => {
  it('turns an interview file into the form and back into the same interview', () => {
    const text = readFileSync(join(repoRoot, 'content', 'examples', 'maya-after.yaml'), 'utf8');
    const original = loadInterview(text, 'maya-after.yaml', { guide }).value!;
    const draft = dataToDraft(parse(text), guide);
    expect(draft['student.goals']).toBe('See what L&D directors do day to day\nLearn which skills to build this year');
    expect(draft['notes.business_card']).toBe(true);
    const again = loadInterview(draftToYaml(draft), 'interview.yaml', { guide });
    expect(again.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // The same interview; the chosen ids come back in the guide's order, which is the order they are asked in.
    const sorted = (i: typeof original) => ({ ...i, questions: { ...i.questions, include: [...(i.questions?.include ?? [])].sort() } });
    expect(sorted(again.value!)).toEqual(sorted(original));
  });

  it('chooses questions by id or group, minus the excluded ones, or the starter set when none are named', () => {
    const group = guide.question_groups[0]!;
    expect(chosenQuestionIds({ include: [group.id], exclude: [group.questions[0]!.id] }, guide)).toEqual(group.questions.slice(1).map((q) => q.id));
    expect(chosenQuestionIds(undefined, guide)).toEqual(guide.question_groups.flatMap((g) => g.questions.filter((q) => q.starter).map((q) => q.id)));
  });

  it('leaves empty fields and blank list lines out, and keeps a wrong number as text for the schema to name', () => {
    const yaml = draftToYaml({ 'student.name': ' Maya ', 'student.email': '', 'student.goals': 'one\n\n two \n', 'meeting.minutes': 'twenty', 'notes.business_card': false, 'questions.include': [] });
    expect(parse(yaml)).toEqual({ student: { name: 'Maya', goals: ['one', 'two'] }, meeting: { minutes: 'twenty' }, questions: { include: [] } });
  });

  it('reads only the form’s fields from a link’s fragment', () => {
    expect(draftFromFragment('#student.name=Ana%20Lima&questions.include=like-best,%20my-background&notes.business_card=yes&evil=1')).toEqual({
      'student.name': 'Ana Lima',
      'questions.include': ['like-best', 'my-background'],
      'notes.business_card': true,
    });
  });
});

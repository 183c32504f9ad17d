/**
 * Names in every script a career office meets, through the packet a student
 * receives: runs of Chinese, Japanese and Korean take East Asian fonts and
 * language; Arabic, Hebrew, Devanagari and Thai take complex-script fonts and
 * language; Arabic and Hebrew run right to left.
 */
import { describe, expect, it } from 'vitest';
import { writeDocx } from '../../src/write/docx/index.js';
import { splitScripts } from '../../src/write/docx/scripts.js';
import { openDocx, paragraphWith, textOf, theme } from './docx-helpers.js';
import { interview, kitTrees } from './real-documents.js';

/** The packet's document.xml for a student of this name. */
async function packetFor(student: string, mentor = 'Dr. José Núñez'): Promise<string> {
  const of = interview('maya.yaml', (raw) => {
    raw.student.name = student;
    raw.mentor.name = mentor;
  });
  return openDocx(await writeDocx(kitTrees(of).packet, { theme: theme() })).text('word/document.xml');
}

/** The `<w:r>` that shows exactly this text. */
function runOf(xml: string, text: string): string {
  const run = (xml.match(/<w:r>[\s\S]*?<\/w:r>/g) ?? []).find((r) => textOf(r) === text);
  if (!run) throw new Error(`no run shows "${text}"`);
  return run;
}

describe('names in other scripts in the packet DOCX', () => {
  it('marks an Arabic name right to left with an Arabic complex-script font and language', async () => {
    const xml = await packetFor('أحمد علي');
    const run = runOf(paragraphWith(xml, 'Prep packet for'), 'أحمد علي');
    expect(run).toContain('<w:rFonts w:cs="Noto Sans Arabic"/>');
    expect(run).toContain('<w:rtl/>');
    expect(run).toContain('<w:lang w:val="en-US" w:bidi="ar-SA"/>');
    // The comma and degree after the name stay in a left-to-right run of their own.
    expect(runOf(paragraphWith(xml, 'Prep packet for'), ', M.A. Organizational Psychology')).not.toContain('<w:rtl/>');
  });

  it('gives a Hebrew name its font and direction', async () => {
    const run = runOf(await packetFor('נועה כהן'), 'נועה כהן');
    expect(run).toContain('<w:rFonts w:cs="Noto Sans Hebrew"/>');
    expect(run).toContain('<w:rtl/>');
    expect(run).toContain('w:bidi="he-IL"');
  });

  it('gives Chinese, Japanese and Korean names East Asian fonts and languages', async () => {
    const chinese = runOf(await packetFor('王小明'), '王小明');
    expect(chinese).toContain('<w:rFonts w:eastAsia="Noto Sans SC"/>');
    expect(chinese).toContain('<w:lang w:val="en-US" w:eastAsia="zh-CN"/>');
    expect(chinese).not.toContain('<w:rtl/>');
    const japanese = runOf(await packetFor('さくら 山田'), 'さくら 山田');
    expect(japanese).toContain('<w:rFonts w:eastAsia="Noto Sans JP"/>');
    expect(japanese).toContain('w:eastAsia="ja-JP"');
    const korean = runOf(await packetFor('김민준'), '김민준');
    expect(korean).toContain('<w:rFonts w:eastAsia="Noto Sans KR"/>');
    expect(korean).toContain('w:eastAsia="ko-KR"');
  });

  it('gives Devanagari and Thai names complex-script fonts, left to right', async () => {
    const hindi = runOf(await packetFor('प्रिया शर्मा'), 'प्रिया शर्मा');
    expect(hindi).toContain('<w:rFonts w:cs="Noto Sans Devanagari"/>');
    expect(hindi).toContain('w:bidi="hi-IN"');
    expect(hindi).not.toContain('<w:rtl/>');
    const thai = runOf(await packetFor('สมชาย ใจดี'), 'สมชาย ใจดี');
    expect(thai).toContain('<w:rFonts w:cs="Noto Sans Thai"/>');
    expect(thai).toContain('w:bidi="th-TH"');
  });

  it('leaves Latin, Greek and Cyrillic runs to the document font', async () => {
    const xml = await packetFor('Αθηνά Дмитриева');
    expect(runOf(paragraphWith(xml, 'Prep packet for'), 'Αθηνά Дмитриева')).not.toContain('<w:rFonts');
    expect(xml).not.toContain('Noto Sans Arabic');
  });
});

describe('splitScripts', () => {
  it('keeps text in Latin, Greek and Cyrillic whole', () => {
    expect(splitScripts('Prep packet for Αθηνά, Дмитрий!', 'en-US')).toEqual([{ text: 'Prep packet for Αθηνά, Дмитрий!' }]);
  });

  it('leaves the spaces and punctuation around a right-to-left name outside it', () => {
    const parts = splitScripts('Dear أحمد علي, thank you (שלום).', 'en-US');
    expect(parts.map((p) => [p.text, p.script?.rightToLeft ?? false])).toEqual([
      ['Dear ', false],
      ['أحمد علي', true],
      [', thank you (', false],
      ['שלום', true],
      [').', false],
    ]);
  });

  it('keeps spaces inside an East Asian name and gives the punctuation after it to the Latin text', () => {
    expect(splitScripts('さくら 山田, Acme Health', 'en-US').map((p) => [p.text, p.script?.language])).toEqual([
      ['さくら 山田', { eastAsia: 'ja-JP' }],
      [', Acme Health', undefined],
    ]);
  });

  it('reads Han alone as the document language when it is Japanese, else as Chinese', () => {
    expect(splitScripts('山田', 'ja-JP')[0]!.script?.font).toEqual({ eastAsia: 'Noto Sans JP' });
    expect(splitScripts('山田', 'en-US')[0]!.script?.font).toEqual({ eastAsia: 'Noto Sans SC' });
  });
});

describe('bidi isolates around values from the student file', () => {
  it('are dropped: the run direction orders the name', async () => {
    const xml = await packetFor('\u2068أحمد علي\u2069');
    expect(xml).not.toMatch(/[\u2066-\u2069]/);
    expect(runOf(paragraphWith(xml, 'Prep packet for'), 'أحمد علي')).toContain('<w:rtl/>');
  });
});

import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../src/render/escape-markdown.js';
import { bindHonorifics, isolateBidi, typesetValue } from '../../src/render/typeset-value.js';

describe('typesetValue', () => {
  it.each(['Dr.', 'Ms.', 'Mr.', 'Mrs.', 'Mx.', 'Prof.'])('binds %s to the name after it with a no-break space', (honorific) => {
    expect(bindHonorifics(`${honorific} Ada Lovelace`)).toBe(`${honorific}\u00a0Ada Lovelace`);
  });

  it('leaves a full stop that ends a word or a sentence alone', () => {
    expect(bindHonorifics('Ask the Dr. ')).toBe('Ask the Dr. ');
    expect(bindHonorifics('Meet at 5 Dr. 9 St')).toBe('Meet at 5 Dr. 9 St');
    expect(bindHonorifics('Went to Mr. Fix.')).toBe('Went to Mr.\u00a0Fix.');
    expect(bindHonorifics('HumDr. Smith')).toBe('HumDr. Smith');
  });

  it('wraps Arabic and Hebrew values in a first-strong isolate', () => {
    expect(isolateBidi('ليلى حداد')).toBe('\u2068ليلى حداد\u2069');
    expect(isolateBidi('נועה כהן')).toBe('\u2068נועה כהן\u2069');
    expect(isolateBidi('Meet يوسف today')).toBe('\u2068Meet يوسف today\u2069');
  });

  it('leaves Latin, Greek, Cyrillic and CJK values unchanged', () => {
    for (const value of ['Maya Patel', 'Σοφία Παπαδοπούλου', 'Дмитрий Иванов', '王小明', '김민준', 'अनन्या शर्मा', 'สมชาย ใจดี']) {
      expect(typesetValue(value)).toBe(value);
    }
  });

  it('is applied by escapeMarkdown to every value from the student’s file', () => {
    expect(escapeMarkdown('Dr.  José Núñez')).toBe('Dr\\.\u00a0José Núñez');
    expect(escapeMarkdown('ليلى (حداد)')).toBe('\u2068ليلى \\(حداد\\)\u2069');
  });
});

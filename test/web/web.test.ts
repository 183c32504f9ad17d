/**
 * The browser edition in a real browser: a student fills the form by its
 * labels, sees the command line's checks beside the fields, downloads every
 * document and gets what the command line makes; interview.yaml goes back
 * and forth with the CLI; no request leaves the page's origin; axe-core
 * finds no WCAG 2.1 AA violation.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { PDFDocument } from 'pdf-lib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { built } from '../helpers/built.js';
import { outputNames, runCliAsync, tempDir } from '../helpers/cli.js';
import { repoRoot } from '../helpers/kit.js';
import { pdfText } from '../helpers/pdf-tools.js';
import { downloadFrom, launchChromium, openPage, previewDrawn, startServer } from './browser.js';

let browser: Browser;
let server: ChildProcess;
let url: string;

beforeAll(async () => {
  ({ url, server } = await startServer());
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  server?.kill();
});

const docxText = (file: string) => execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' }).replace(/<[^>]+>/g, '');
/** pdftotext's words, one space apart: lines wrap differently from one check to the next. */
const words = (text: string) => text.replace(/\s+/g, ' ');

describe('the browser edition', () => {
  it('builds every document of a student who fills the form by its labels, asking no other origin', async () => {
    const { page, requested, foreign, errors } = await openPage(browser, url);
    await page.getByLabel('Your name').fill('Maya Patel');
    await page.getByLabel('Your email').fill('maya.patel@example.edu');
    await page.getByLabel('Mentor’s name').fill('Dr. José Núñez');
    await page.getByLabel('Organization’s name').fill('Acme Health');
    await page.getByLabel('Date', { exact: true }).fill('2026-12-03');
    await page.getByLabel('Time', { exact: true }).fill('14:30');
    await page.getByLabel('Time zone').fill('America/New_York');
    const plan = page.locator('#time-plan');
    const before = Number(/^(\d+) questions/.exec(await plan.textContent() ?? '')?.[1]);
    await page.getByRole('checkbox', { name: /What are the drawbacks of working in this field\?/ }).check();
    await expect.poll(() => plan.textContent()).toContain(`${before + 1} questions`);
    await page.getByLabel('Your own questions').fill('How has remote work changed onboarding at Acme?');
    await previewDrawn(page);
    expect(await page.locator('#preview-pages canvas').first().getAttribute('aria-label')).toMatch(/^Packet, page 1 of \d+$/);

    const dir = tempDir('ik-web-');
    for (const name of ['Packet (PDF)', 'Packet (DOCX)', 'Question sheet (PDF)', 'Question sheet (DOCX)', 'Follow-up calendar (ICS)']) await downloadFrom(page, name, dir);
    expect(readdirSync(dir).sort()).toEqual(['follow-up.ics', 'packet.docx', 'packet.pdf', 'questions.docx', 'questions.pdf']);
    // The preview is the PDF's own layout: as many pages.
    const pdfPages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(dir, 'packet.pdf')], { encoding: 'utf8' }))![1]);
    expect(await page.locator('#preview-pages canvas').count()).toBe(pdfPages);
    const packet = words(pdfText(join(dir, 'packet.pdf')));
    expect(packet).toContain('Maya Patel');
    expect(packet).toContain('Dr. José Núñez');
    const sheet = words(pdfText(join(dir, 'questions.pdf')));
    expect(sheet).toContain('What are the drawbacks of working in this field?');
    expect(sheet).toContain('How has remote work changed onboarding at Acme?');
    expect(docxText(join(dir, 'packet.docx'))).toContain('Acme Health');
    expect(docxText(join(dir, 'questions.docx'))).toContain('How has remote work changed onboarding at Acme?');
    expect(readFileSync(join(dir, 'follow-up.ics'), 'utf8')).toContain('DTSTART:20261203T193000Z');

    expect(foreign).toEqual([]);
    // A Latin name loads neither the fallback faces nor HarfBuzz.
    expect(requested.filter((p) => /fonts\/(arabic|hebrew|devanagari|thai|chinese|korean)\.ttf|harfbuzz\.wasm/.test(p))).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('shows the command line’s errors and checks beside the field they concern, and announces them', async () => {
    const { page } = await openPage(browser, url);
    await page.getByLabel('Your name').fill('Maya Patel');
    await page.getByLabel('Mentor’s name').fill('Dr. José Núñez');
    await page.getByLabel('Organization’s name').fill('Acme Health');
    const email = page.getByLabel('Your email');
    await email.fill('maya@');
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    const described = (await email.getAttribute('aria-describedby'))!.split(' ');
    const message = await page.locator(`#${described.at(-1)}`).textContent();
    expect(message).toContain('error: student.email is not an email address ("maya@")');
    expect(message).toContain('hint: write it like name@example.com');
    expect(await page.locator('[role=status][aria-live=polite]#announcer').textContent()).toContain('1 error');

    // The same words as `interview-kit validate` of the file the form stands for.
    const dir = tempDir('ik-web-');
    const saved = await downloadFrom(page, 'Save interview.yaml', dir);
    const cli = await runCliAsync(['validate', saved]);
    expect(cli.stdout + cli.stderr).toContain('student.email is not an email address ("maya@")');

    // A practice check lands on the question bank: no question chosen.
    await email.fill('');
    const chosen = page.locator('input[name="questions.include"]:checked');
    while ((await chosen.count()) > 0) await chosen.first().uncheck();
    await expect.poll(() => page.locator('#d-questions-include').textContent()).toContain('warning: no questions are selected');
    expect(await email.getAttribute('aria-invalid')).toBeNull();
  });

  it('opens interview.yaml and saves one that builds byte-identical documents with the command line', async () => {
    const { page } = await openPage(browser, url);
    const example = join(repoRoot, 'content', 'examples', 'maya.yaml');
    await page.getByLabel('Open interview.yaml').setInputFiles(example);
    await expect.poll(() => page.getByLabel('Your name').inputValue()).toBe('Maya Patel');
    expect(await page.getByRole('checkbox', { name: /What do you enjoy most about your work\?/ }).isChecked()).toBe(true);
    await previewDrawn(page);
    const dir = tempDir('ik-web-');
    const saved = await downloadFrom(page, 'Save interview.yaml', dir);
    expect(saved.endsWith('interview.yaml')).toBe(true);
    const webPacket = await downloadFrom(page, 'Packet (PDF)', dir);

    const [fromSaved, fromExample] = [tempDir('ik-web-saved-'), tempDir('ik-web-example-')];
    const runs = await Promise.all([runCliAsync(['build', saved, '--out', fromSaved]), runCliAsync(['build', example, '--out', fromExample])]);
    for (const run of runs) expect(run.stderr).not.toMatch(/error/);
    const files = outputNames(join(fromExample, 'maya-patel'));
    expect(files).toEqual(['follow-up.ics', 'packet.docx', 'packet.pdf', 'questions.docx', 'questions.pdf']);
    expect(outputNames(join(fromSaved, 'maya-patel'))).toEqual(files);
    for (const file of files) {
      expect(Buffer.compare(readFileSync(join(fromSaved, 'maya-patel', file)), readFileSync(join(fromExample, 'maya-patel', file))), file).toBe(0);
    }
    // The page's packet says what the command line's says (its streams are compressed by another zlib).
    expect(pdfText(webPacket)).toBe(pdfText(join(fromExample, 'maya-patel', 'packet.pdf')));
  });

  it('keeps work in progress until "Forget my data", and fills fields from the link’s fragment only', async () => {
    const { page } = await openPage(browser, url, '?mentor.name=Query%20Person#student.name=Ana%20Lima&questions.include=like-best,my-background');
    expect(await page.getByLabel('Your name').inputValue()).toBe('Ana Lima');
    expect(await page.getByLabel('Mentor’s name').inputValue()).toBe('');
    expect(await page.getByRole('checkbox', { checked: true }).count()).toBe(2);
    await page.getByLabel('Organization’s name').fill('Acme Health');
    await page.goto(url);
    expect(await page.getByLabel('Organization’s name').inputValue()).toBe('Acme Health');
    expect(await page.getByLabel('Your name').inputValue()).toBe('Ana Lima');
    await page.getByRole('button', { name: 'Forget my data' }).click();
    expect(await page.getByLabel('Your name').inputValue()).toBe('');
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    await page.reload();
    expect(await page.getByLabel('Organization’s name').inputValue()).toBe('');
  });

  it('writes the thank-you letter from the notes, or from a filled question sheet', async () => {
    const { page, foreign } = await openPage(browser, url);
    await page.getByLabel('Open interview.yaml').setInputFiles(join(repoRoot, 'content', 'examples', 'maya-after.yaml'));
    await expect.poll(() => page.getByLabel('What you learned').inputValue()).toContain('An L&D director spends most of the week');
    const dir = tempDir('ik-web-');
    const letter = words(pdfText(await downloadFrom(page, 'Thank-you letter (PDF)', dir)));
    expect(letter).toMatch(/Dear Dr\.\s+Núñez,/u);
    expect(letter).toContain('Maya Patel');
    expect(docxText(await downloadFrom(page, 'Thank-you letter (DOCX)', dir))).toContain('Priya Shah, onboarding lead at the Brooklyn clinic');
    const eml = readFileSync(await downloadFrom(page, 'Thank-you letter (EML)', dir));
    const cliLetter = tempDir('ik-web-eml-');
    await runCliAsync(['thank-you', join(repoRoot, 'content', 'examples', 'maya-after.yaml'), '--out', cliLetter, '--format', 'eml'], { SOURCE_DATE_EPOCH: undefined });
    expect(eml.equals(readFileSync(join(cliLetter, 'maya-patel', 'thank-you.eml')))).toBe(true);
    const draft = await simpleParser(eml);
    expect(draft.to && !Array.isArray(draft.to) ? draft.to.value : []).toEqual([{ name: 'Dr. José Núñez', address: 'jnunez@example.com' }]);
    expect(draft.subject).toBe('Thank you — informational interview on December 3');
    expect(draft.headers.get('x-unsent')).toBe('1');
    expect(draft.text).toMatch(/^> Send by [^\n]* then delete this note\.\n\nDear Dr\.\u00a0Núñez,\n/);
    expect(draft.text).toContain('Priya Shah, onboarding lead at the Brooklyn clinic');
    expect(draft.html).toContain('<a href="mailto:maya.patel@example.edu">');
    await page.getByRole('button', { name: 'Thank-you letter (plain text to copy)' }).click();
    await expect.poll(() => page.getByLabel('The letter as plain text').inputValue()).toMatch(/Dear Dr\.\s+Núñez,/u);

    // A question sheet filled in a PDF reader, dropped on the page.
    const cliSheet = await built(['build', 'content/examples/maya.yaml', '--format', 'pdf']);
    expect(cliSheet.status, cliSheet.stderr).toBe(0);
    const sheet = await PDFDocument.load(readFileSync(join(cliSheet.out, 'maya-patel', 'questions.pdf')));
    sheet.getForm().getTextField('advice').setText('Shadow a program launch before you apply.');
    const filled = join(tempDir('ik-web-sheet-'), 'filled.pdf');
    writeFileSync(filled, await sheet.save());
    await page.getByLabel('Read your notes from a filled question sheet (PDF)').setInputFiles(filled);
    await expect.poll(() => page.getByLabel('The best advice you were given').inputValue()).toBe('Shadow a program launch before you apply.');
    expect(foreign).toEqual([]);
  });

  it('loads HarfBuzz and a script’s face from its own folder when a name needs them', async () => {
    const { page, requested, foreign } = await openPage(browser, url);
    await page.getByLabel('Your name').fill('ليلى حداد');
    await page.getByLabel('Mentor’s name').fill('Dr. José Núñez');
    await page.getByLabel('Organization’s name').fill('Acme Health');
    await previewDrawn(page);
    const packet = pdfText(await downloadFrom(page, 'Packet (PDF)', tempDir('ik-web-')));
    expect(packet).toContain('حداد');
    expect(requested).toContain(new URL('fonts/arabic.ttf', url).pathname);
    expect(requested).toContain(new URL('harfbuzz.wasm', url).pathname);
    expect(requested.some((p) => /fonts\/(chinese|korean)\.ttf/.test(p))).toBe(false);
    expect(foreign).toEqual([]);
  });

  it('builds a roster’s kits, print file and report into one ZIP, with a progress bar', async () => {
    const { page, foreign } = await openPage(browser, url);
    await page.getByLabel('Roster (CSV or YAML)').setInputFiles(join(repoRoot, 'content', 'examples', 'roster.csv'));
    await page.getByLabel('kit.yaml and its logo (optional)').setInputFiles(join(repoRoot, 'content', 'examples', 'kit.yaml'));
    const dir = tempDir('ik-web-batch-');
    const zip = await downloadFrom(page, 'Every student’s kit (ZIP)', dir);
    expect(zip.endsWith('batch-roster.zip')).toBe(true);
    const progress = page.getByRole('progressbar', { name: 'Progress of the kits' });
    expect(await progress.getAttribute('value')).toBe(await progress.getAttribute('max'));
    execFileSync('unzip', ['-q', zip, '-d', dir]);
    const listed = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).split('\n').filter(Boolean);
    expect(listed).toEqual(expect.arrayContaining(['maya-patel/packet.pdf', 'maya-patel/questions.docx', 'print.pdf', 'manifest.json', 'report.txt', 'report.json']));
    const print = words(pdfText(join(dir, 'print.pdf')));
    expect(print).toContain('Maya Patel');
    expect(print).toContain('Σοφία Παπαδοπούλου');
    expect(print).toContain('Career Services Office');
    // Duplex-safe: every student's documents start on a front side.
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(dir, 'print.pdf')], { encoding: 'utf8' }))![1]);
    expect(pages % 2).toBe(0);
    expect(readFileSync(join(dir, 'report.txt'), 'utf8')).toMatch(/built/);
    expect(foreign).toEqual([]);
  });

  it('brands the documents with the kit.yaml and logo a career office hosts beside the page', async () => {
    const kit = readFileSync(join(repoRoot, 'content', 'examples', 'kit.yaml'), 'utf8').replace('# logo: logo.png', 'logo: logo.png').replace('page_size: letter', 'page_size: a4');
    const logo = readFileSync(join(repoRoot, 'docs', 'images', 'web.png'));
    const { page, requested } = await openPage(browser, url, '#student.name=Maya%20Patel&mentor.name=Jo&organization.name=Acme', { 'kit.yaml': Buffer.from(kit), 'logo.png': logo });
    expect(requested).toContain('/logo.png');
    await previewDrawn(page);
    const packet = await downloadFrom(page, 'Packet (PDF)', tempDir('ik-web-'));
    expect(words(pdfText(packet))).toContain('Career Services Office');
    expect(execFileSync('pdfinfo', [packet], { encoding: 'utf8' })).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    // The logo: an image on the cover (pdfimages lists one row per image drawn).
    expect(execFileSync('pdfimages', ['-list', packet], { encoding: 'utf8' })).toMatch(/^\s+1\s+\d+\s+image\s/m);
  });

  it('serves the page folder only, and says so when the port is taken', async () => {
    expect((await fetch(`${url}harfbuzz.wasm`)).headers.get('content-type')).toBe('application/wasm');
    expect((await fetch(`${url}%2e%2e/%2e%2e/package.json`)).status).toBe(404);
    const port = new URL(url).port;
    const run = await runCliAsync(['web', '--port', port]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`error: cannot listen on port ${port} (it is in use)`);
  });

  it('meets WCAG 2.1 AA by axe-core, and works from the keyboard in reading order', async () => {
    const { page } = await openPage(browser, url);
    await page.getByLabel('Your email').fill('maya@');
    await expect.poll(() => page.getByLabel('Your email').getAttribute('aria-invalid')).toBe('true');
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    // Tab order: skip link, the file actions, then the form's first field; each focus is drawn.
    await page.reload();
    await page.getByLabel('Your name').waitFor();
    const focused: string[] = [];
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      focused.push(
        await page.evaluate(() => {
          const el = document.activeElement as HTMLElement;
          const style = getComputedStyle(el.id === 'open-yaml' ? (el.nextElementSibling as HTMLElement) : el);
          const name = el.getAttribute('name') ?? el.textContent?.trim() ?? '';
          return `${el.id === 'open-yaml' ? 'Open interview.yaml' : name}|${style.outlineStyle !== 'none' && style.outlineWidth !== '0px'}`;
        }),
      );
    }
    expect(focused).toEqual(['Skip to the form|true', 'Open interview.yaml|true', 'Save interview.yaml|true', 'Forget my data|true', 'student.name|true']);
    // Keyboard alone: type a name, tick a question with the space bar.
    await page.keyboard.type('Maya Patel');
    const box = page.getByRole('checkbox', { name: /What do you enjoy most about your work\?/ });
    const was = await box.isChecked();
    await box.focus();
    await page.keyboard.press('Space');
    expect(await box.isChecked()).toBe(!was);
    expect(await page.getByLabel('Your name').inputValue()).toBe('Maya Patel');
  });
});

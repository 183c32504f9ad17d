/**
 * The browser edition: the interview form, its checks and time plan, a live
 * preview of the packet, and every document to download — built on this
 * computer with the same pipeline as the command line. Nothing is sent
 * anywhere: the page asks its own origin for code and fonts, and keeps the
 * work in progress in the browser's own storage until "Forget my data".
 */
import { parse as parseYaml } from 'yaml';
import { formatDiagnostic, InputError, type Diagnostic } from '../diagnostics.js';
import { questionMinutes } from '../kits/practice-checks.js';
import { allQuestions, selectQuestions } from '../kits/select-questions.js';
import { loadInterview } from '../load/load-interview.js';
import type { Interview } from '../load/schema.js';
import { MEETING_FORMATS } from '../load/schema.js';
import { buildDocuments, type DocumentFile, type DocumentSpec } from '../pipeline.js';
import { bundledGuide, bundledRenderer, hostedKit, loadFontSet } from './assets.js';
import { dataToDraft, draftFromFragment, draftToYaml, INCLUDE, type Draft, type DraftValue } from './draft.js';
import { ALL_FIELDS, BEFORE_SECTIONS, CUSTOM_QUESTIONS, FORMAT_LABELS, NOTES_SECTION, schemaHelp, type Field, type Section } from './fields.js';
import { drawPreview, layoutPacket } from './preview.js';

const STORAGE_KEY = 'interview-kit:draft';
const FILE_NAME = 'interview.yaml';
/** Wait this long after the last keystroke before building the preview. */
const PREVIEW_DELAY_MS = 80;

const guide = bundledGuide();
const renderer = bundledRenderer();
const kit = await hostedKit();
const theme = kit.theme;
const timezone = kit.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const idOf = (path: string) => path.replace(/[^a-z0-9]+/gi, '-');

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key.startsWith('aria-') || key.startsWith('data-') || key === 'for' || key === 'role') node.setAttribute(key, String(value));
    else (node as unknown as Record<string, unknown>)[key] = value;
  }
  node.append(...children);
  return node;
}

// ---- The form -------------------------------------------------------------

function fieldControl(field: Field): HTMLElement {
  const id = `f-${idOf(field.path)}`;
  const help = [field.help, schemaHelp(field.path)].filter(Boolean).join(' ');
  const described = [help ? `h-${idOf(field.path)}` : '', `d-${idOf(field.path)}`].filter(Boolean).join(' ');
  const common = { id, name: field.path, 'aria-describedby': described } as Record<string, unknown>;
  let control: HTMLElement;
  switch (field.kind) {
    case 'list':
    case 'long-text':
      control = el('textarea', { ...common, rows: field.kind === 'list' ? 3 : 2 });
      break;
    case 'format':
      control = el('select', common, ...MEETING_FORMATS.map((f) => el('option', { value: f }, FORMAT_LABELS[f])));
      break;
    case 'yes-no':
      control = el('input', { ...common, type: 'checkbox' });
      break;
    default: {
      const type = { email: 'email', url: 'url', date: 'date', time: 'time', minutes: 'number' }[field.kind as string] ?? 'text';
      control = el('input', { ...common, type, ...(field.kind === 'minutes' ? { min: '5', max: '240', step: '5' } : {}), ...(field.required ? { required: true, 'aria-required': 'true' } : {}), autocomplete: 'off' });
    }
  }
  const label = el('label', { for: id }, field.label, ...(field.required ? [el('span', { className: 'required' }, ' (required)')] : []));
  const parts: Node[] = field.kind === 'yes-no' ? [control, label] : [label, control];
  const wrapper = el('div', { className: field.kind === 'yes-no' ? 'field check' : 'field' }, ...parts);
  if (help) wrapper.insertBefore(el('p', { id: `h-${idOf(field.path)}`, className: 'help' }, help), field.kind === 'yes-no' ? null : control);
  wrapper.append(el('div', { id: `d-${idOf(field.path)}`, className: 'diagnostics' }));
  return wrapper;
}

function sectionFieldset(section: Section): HTMLElement {
  return el('fieldset', { className: `section ${section.key}` }, el('legend', {}, section.title), ...section.fields.map(fieldControl));
}

function questionBank(): HTMLElement {
  const groups = guide.question_groups.map((group) =>
    el(
      'fieldset',
      { className: 'group' },
      el('legend', {}, group.title),
      ...group.questions.map((q) => {
        const id = `q-${idOf(q.id)}`;
        return el('div', { className: 'field check' }, el('input', { type: 'checkbox', id, name: INCLUDE, value: q.id }), el('label', { for: id }, q.text, el('span', { className: 'minutes' }, ` (${q.minutes} min)`)));
      }),
    ),
  );
  return el(
    'fieldset',
    { className: 'section questions', 'aria-describedby': 'time-plan d-questions-include' },
    el('legend', {}, 'Questions to ask'),
    el('p', { id: 'time-plan', className: 'time-plan', role: 'status' }),
    el('div', { id: 'd-questions-include', className: 'diagnostics' }),
    ...groups,
    fieldControl(CUSTOM_QUESTIONS),
  );
}

function buildForm(): void {
  const before = $('before-fields');
  for (const section of BEFORE_SECTIONS) before.append(sectionFieldset(section));
  before.append(questionBank());
  $('notes-fields').append(sectionFieldset(NOTES_SECTION));
}

const form = () => $<HTMLFormElement>('interview');

/** The form's values by dotted path. */
function readDraft(): Record<string, DraftValue> {
  const draft: Record<string, DraftValue> = {};
  for (const field of ALL_FIELDS) {
    const control = form().elements.namedItem(field.path) as HTMLInputElement | null;
    if (!control) continue;
    draft[field.path] = field.kind === 'yes-no' ? control.checked : control.value;
  }
  draft[INCLUDE] = [...form().querySelectorAll<HTMLInputElement>(`input[name="${INCLUDE}"]:checked`)].map((c) => c.value);
  return draft;
}

/** Sets the form to `draft`; fields it lacks are emptied when `replace`. */
function writeDraft(draft: Draft, replace: boolean): void {
  for (const field of ALL_FIELDS) {
    const control = form().elements.namedItem(field.path) as HTMLInputElement | null;
    if (!control) continue;
    const value = draft[field.path];
    if (value === undefined && !replace) continue;
    if (field.kind === 'yes-no') control.checked = value === true;
    else if (field.kind === 'format') control.value = typeof value === 'string' && value ? value : 'in-person';
    else if (field.kind === 'minutes') control.value = typeof value === 'string' && value ? value : '20';
    else control.value = typeof value === 'string' ? value : '';
  }
  const include = draft[INCLUDE];
  if (Array.isArray(include) || replace) {
    const chosen = new Set<string>((Array.isArray(include) ? include : dataToDraft({}, guide)[INCLUDE]) as readonly string[]);
    for (const box of form().querySelectorAll<HTMLInputElement>(`input[name="${INCLUDE}"]`)) box.checked = chosen.has(box.value);
  }
}

// ---- Checks and the time plan --------------------------------------------

/** The control a diagnostic's field belongs to: its own, its list's, or its section's first. */
function diagnosticSlot(field: string | undefined): string {
  if (!field) return 'general';
  let path = field.replace(/\[\d+\]/g, '');
  while (path) {
    if (path === 'questions' || path.startsWith(INCLUDE) || path.startsWith('questions.exclude')) return 'questions.include';
    if (ALL_FIELDS.some((f) => f.path === path)) return path;
    const section = [...BEFORE_SECTIONS, NOTES_SECTION].find((s) => s.key === path);
    if (section) return section.fields[0]!.path;
    path = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : '';
  }
  return 'general';
}

function showDiagnostics(diagnostics: readonly Diagnostic[]): void {
  for (const box of document.querySelectorAll('.diagnostics')) box.replaceChildren();
  for (const control of form().querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
  for (const d of diagnostics) {
    const slot = diagnosticSlot(d.field);
    const box = $(`d-${idOf(slot)}`) ?? $('d-general');
    // The command line's words, without the file position the form does not need.
    box.append(el('p', { className: d.severity }, formatDiagnostic({ ...d, file: undefined })));
    if (d.severity === 'error') (form().elements.namedItem(slot) as HTMLElement | null)?.setAttribute?.('aria-invalid', 'true');
  }
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const counts = [errors ? `${errors} ${errors === 1 ? 'error' : 'errors'}` : '', warnings ? `${warnings} ${warnings === 1 ? 'warning' : 'warnings'}` : ''].filter(Boolean);
  announce(counts.length ? `The form has ${counts.join(' and ')}, shown beside the fields.` : 'The form has no problems.');
}

let lastAnnouncement = '';
function announce(message: string): void {
  if (message === lastAnnouncement) return;
  lastAnnouncement = message;
  $('announcer').textContent = message;
}

function showTimePlan(interview: Interview | undefined, draft: Draft): void {
  const minutes = Number(draft['meeting.minutes']) || 20;
  const stand = interview ?? ({ meeting: { minutes, format: 'in-person' }, questions: { include: [...(draft[INCLUDE] as string[])], custom: String(draft[CUSTOM_QUESTIONS.path] ?? '').split('\n').filter((l) => l.trim()) } } as unknown as Interview);
  const questions = allQuestions(selectQuestions(stand, guide));
  const needed = questions.reduce((sum, q) => sum + q.minutes, 0);
  const available = questionMinutes(stand, guide);
  $('time-plan').textContent = `${questions.length} ${questions.length === 1 ? 'question' : 'questions'}, about ${needed} minutes; a ${stand.meeting.minutes}-minute meeting leaves about ${available} minutes for questions.`;
}

// ---- Building --------------------------------------------------------------

interface Checked {
  readonly yaml: string;
  readonly interview?: Interview;
  readonly diagnostics: readonly Diagnostic[];
}

function check(draft: Draft): Checked {
  const yaml = draftToYaml(draft);
  const { value, diagnostics } = loadInterview(yaml, FILE_NAME, { guide });
  return { yaml, interview: value, diagnostics };
}

async function build(specs: readonly DocumentSpec[]): Promise<{ files: readonly DocumentFile[]; diagnostics: readonly Diagnostic[] }> {
  return buildDocuments(specs, { guide, renderer, theme, fonts: await loadFontSet(theme.fontFamily), timezone });
}

function download(name: string, bytes: Uint8Array | string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const link = el('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ics: 'text/calendar',
  txt: 'text/plain',
  yaml: 'application/yaml',
};

/** Builds the documents of `spec` and downloads the file named `name`. */
async function downloadBuilt(spec: DocumentSpec, name: string): Promise<void> {
  const { interview, diagnostics } = check(readDraft());
  if (!interview) {
    showDiagnostics(diagnostics);
    announce('Fix the errors shown beside the fields first.');
    return;
  }
  try {
    const result = await build([{ ...spec, interview } as DocumentSpec]);
    const file = result.files.find((f) => f.name === name);
    if (!file) {
      announce(name.endsWith('.ics') ? 'The calendar needs the meeting’s date.' : `${name} was not built.`);
      return;
    }
    download(name, file.bytes, TYPES[name.slice(name.lastIndexOf('.') + 1)] ?? 'application/octet-stream');
    announce(`${name} is ready in your downloads.`);
  } catch (error) {
    if (error instanceof InputError) showDiagnostics(error.diagnostics);
    else throw error;
  }
}

// ---- The preview -----------------------------------------------------------

let previewTimer: ReturnType<typeof setTimeout> | undefined;
let previewing: Promise<void> | undefined;
let previewAgain = false;
let previewGeneration = 0;

function schedulePreview(): void {
  clearTimeout(previewTimer);
  previewTimer = setTimeout(() => {
    previewTimer = undefined;
    void updatePreview();
  }, PREVIEW_DELAY_MS);
}

async function updatePreview(): Promise<void> {
  if (previewing) {
    previewAgain = true;
    return;
  }
  const started = performance.now();
  const generation = ++previewGeneration;
  previewing = (async () => {
    const draft = readDraft();
    const checked = check(draft);
    showTimePlan(checked.interview, draft);
    if (!checked.interview) {
      showDiagnostics(checked.diagnostics);
      return;
    }
    try {
      const fonts = await loadFontSet(theme.fontFamily);
      const { layout, stack, diagnostics } = await layoutPacket(checked.interview, { guide, renderer, theme, fonts, timezone });
      showDiagnostics([...checked.diagnostics, ...diagnostics]);
      await drawPreview($('preview-pages'), layout, fonts, stack, theme, 'Packet');
    } catch (error) {
      if (error instanceof InputError) showDiagnostics([...checked.diagnostics, ...error.diagnostics]);
      else throw error;
    }
  })();
  try {
    await previewing;
  } finally {
    previewing = undefined;
    const preview = $('preview');
    preview.dataset.generation = String(generation);
    preview.dataset.ms = String(Math.round(performance.now() - started));
    if (previewAgain) {
      previewAgain = false;
      void updatePreview();
    } else if (!previewTimer) preview.setAttribute('aria-busy', 'false');
  }
}

// ---- Work in progress ------------------------------------------------------

function remember(draft: Draft): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(draft));
  } catch {
    // Storage full or switched off: the page works without it.
  }
}

function recalled(): Draft | undefined {
  try {
    const text = localStorage.getItem(STORAGE_KEY);
    return text ? (JSON.parse(text) as Draft) : undefined;
  } catch {
    return undefined;
  }
}

function onEdit(): void {
  const draft = readDraft();
  remember(draft);
  const checked = check(draft);
  showTimePlan(checked.interview, draft);
  if (!checked.interview) showDiagnostics(checked.diagnostics);
  $('preview').setAttribute('aria-busy', 'true');
  schedulePreview();
}

// ---- Files in ----------------------------------------------------------------

async function openInterview(file: File): Promise<void> {
  const text = await file.text();
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch {
    data = undefined;
  }
  if (!data || typeof data !== 'object') {
    showDiagnostics(loadInterview(text, file.name, { guide }).diagnostics);
    announce(`${file.name} is not an interview file; see the problems listed.`);
    return;
  }
  writeDraft(dataToDraft(data, guide), true);
  onEdit();
  announce(`Opened ${file.name}.`);
}

async function readFilledSheet(file: File): Promise<void> {
  const { readNotesFromPdf, NotesPdfError } = await import('../load/read-filled-pdf.js');
  try {
    const { notes } = await readNotesFromPdf(new Uint8Array(await file.arrayBuffer()));
    const draft: Record<string, DraftValue> = {};
    for (const [key, value] of Object.entries(notes)) {
      if (value === undefined) continue;
      draft[`notes.${key}`] = typeof value === 'boolean' ? value : Array.isArray(value) ? value.join('\n') : String(value);
    }
    writeDraft(draft, false);
    onEdit();
    announce(`Read ${Object.keys(draft).length} notes from ${file.name}.`);
  } catch (error) {
    if (error instanceof NotesPdfError) {
      $('d-notes-learned').replaceChildren(el('p', { className: 'error' }, `error: ${error.message}`));
      announce(error.message);
    } else throw error;
  }
}

// ---- Wiring -------------------------------------------------------------------

function downloadButton(label: string, onClick: () => Promise<void>): HTMLButtonElement {
  const button = el('button', { type: 'button', className: 'download' }, label);
  button.addEventListener('click', () => {
    button.disabled = true;
    onClick().finally(() => {
      button.disabled = false;
    });
  });
  return button;
}

/** A document spec whose interview is the form's. */
type SpecOfForm = DocumentSpec extends infer S ? (S extends unknown ? Omit<S, 'interview'> : never) : never;

/** A button that downloads file `name` of the documents `spec` builds from the form. */
function fileButton(label: string, spec: SpecOfForm, name: string): HTMLButtonElement {
  return downloadButton(label, () => downloadBuilt(spec as DocumentSpec, name));
}

function buildButtons(): void {
  $('before-downloads').append(
    fileButton('Packet (PDF)', { kind: 'kit', formats: ['pdf'], documents: ['packet'] }, 'packet.pdf'),
    fileButton('Packet (DOCX)', { kind: 'kit', formats: ['docx'], documents: ['packet'] }, 'packet.docx'),
    fileButton('Question sheet (PDF)', { kind: 'kit', formats: ['pdf'], documents: ['questions'] }, 'questions.pdf'),
    fileButton('Question sheet (DOCX)', { kind: 'kit', formats: ['docx'], documents: ['questions'] }, 'questions.docx'),
    fileButton('Follow-up calendar (ICS)', { kind: 'kit', formats: ['ics'], documents: [] }, 'follow-up.ics'),
  );
  $('after-downloads').append(
    fileButton('Thank-you letter (PDF)', { kind: 'thank-you', formats: ['pdf'] }, 'thank-you.pdf'),
    fileButton('Thank-you letter (DOCX)', { kind: 'thank-you', formats: ['docx'] }, 'thank-you.docx'),
    fileButton('Thank-you letter (EML)', { kind: 'thank-you', formats: ['eml'] }, 'thank-you.eml'),
    downloadButton('Thank-you letter (plain text to copy)', showLetterText),
  );
}

async function showLetterText(): Promise<void> {
  const { interview, diagnostics } = check(readDraft());
  if (!interview) {
    showDiagnostics(diagnostics);
    return;
  }
  const result = await build([{ kind: 'thank-you', interview, formats: ['txt'] }]);
  const file = result.files.find((f) => f.name.endsWith('.txt'));
  const area = $<HTMLTextAreaElement>('letter-text');
  area.value = file ? new TextDecoder().decode(file.bytes) : '';
  $('letter-text-field').hidden = false;
  area.focus();
  area.select();
  try {
    await navigator.clipboard.writeText(area.value);
    announce('The letter is copied; paste it into your email.');
  } catch {
    announce('The letter is selected below; copy it with Ctrl+C.');
  }
}

// ---- The career office's batch ------------------------------------------------

async function runRoster(): Promise<void> {
  const roster = $<HTMLInputElement>('roster-file').files?.[0];
  const box = $('d-roster');
  box.replaceChildren();
  if (!roster) {
    box.append(el('p', { className: 'error' }, 'error: choose a roster first (CSV or YAML, one student a row)'));
    announce('Choose a roster first.');
    return;
  }
  const dropped = [...($<HTMLInputElement>('kit-files').files ?? [])];
  const kitFile = dropped.find((f) => /\.ya?ml$/i.test(f.name));
  const kitInput = kitFile
    ? { text: await kitFile.text(), files: new Map(await Promise.all(dropped.filter((f) => f !== kitFile).map(async (f) => [f.name, new Uint8Array(await f.arrayBuffer())] as const))) }
    : undefined;
  const bar = $<HTMLProgressElement>('batch-progress');
  const { runBrowserBatch } = await import('./batch.js');
  try {
    const result = await runBrowserBatch({
      rosterText: await roster.text(),
      rosterName: roster.name,
      ...(kitInput ? { kit: kitInput } : {}),
      guide,
      renderer,
      theme,
      loadFonts: (t) => loadFontSet(t.fontFamily),
      onProgress: (p) => {
        bar.max = p.total;
        bar.value = p.done;
      },
    });
    for (const d of result.diagnostics) box.append(el('p', { className: d.severity }, formatDiagnostic(d)));
    const stem = roster.name.replace(/\.[^.]*$/, '').replace(/[^a-z0-9-]+/gi, '-') || 'roster';
    download(`batch-${stem}.zip`, result.zip, 'application/zip');
    announce(`${result.built} kits built${result.failed ? `, ${result.failed} rows failed (see the report)` : ''}; batch-${stem}.zip is ready in your downloads.`);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    for (const d of error.diagnostics) box.append(el('p', { className: d.severity }, formatDiagnostic(d)));
    announce('The roster or kit.yaml has errors, listed under the progress bar.');
  }
}

function start(): void {
  buildForm();
  buildButtons();
  // A link's fragment fills fields over the stored draft; the query string is never read.
  writeDraft(recalled() ?? {}, true);
  if (location.hash.length > 1) writeDraft(draftFromFragment(location.hash), false);
  for (const d of kit.diagnostics) $('kit-problems').append(el('p', { className: d.severity }, formatDiagnostic(d)));
  form().addEventListener('input', onEdit);
  form().addEventListener('change', onEdit);
  form().addEventListener('submit', (event) => event.preventDefault());
  $<HTMLInputElement>('open-yaml').addEventListener('change', (event) => {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (file) void openInterview(file);
    (event.target as HTMLInputElement).value = '';
  });
  $<HTMLInputElement>('filled-pdf').addEventListener('change', (event) => {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (file) void readFilledSheet(file);
    (event.target as HTMLInputElement).value = '';
  });
  const batchButton = $<HTMLButtonElement>('run-batch');
  batchButton.addEventListener('click', () => {
    batchButton.disabled = true;
    runRoster().finally(() => {
      batchButton.disabled = false;
    });
  });
  $('save-yaml').addEventListener('click', () => {
    download(FILE_NAME, draftToYaml(readDraft()), TYPES.yaml!);
  });
  $('forget').addEventListener('click', () => {
    localStorage.removeItem(STORAGE_KEY);
    writeDraft({}, true);
    history.replaceState(null, '', location.pathname);
    onEdit();
    localStorage.removeItem(STORAGE_KEY);
    announce('Your data is forgotten: the form is empty and nothing is stored in this browser.');
  });
  onEdit();
}

start();

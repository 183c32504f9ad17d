/**
 * The live preview: the PDF the pipeline just wrote, drawn page by page to
 * canvases by PDF.js (loaded on first use, its worker served beside the page).
 * New pages replace the old ones only when all are drawn, so nothing flickers.
 * Glyphs are drawn as paths (disableFontFace): no font to register per preview.
 */
type PdfJs = typeof import('pdfjs-dist');

/** PDF.js and one worker for every preview: starting a worker per document costs more than drawing it. */
let pdfjs: Promise<{ module: PdfJs; worker: InstanceType<PdfJs['PDFWorker']> }> | undefined;

function loadPdfJs() {
  pdfjs ??= import('pdfjs-dist').then((module) => {
    module.GlobalWorkerOptions.workerSrc = new URL('pdf.worker.min.mjs', document.baseURI).href;
    return { module, worker: new module.PDFWorker() };
  });
  return pdfjs;
}

/** CSS pixels across a preview page. */
const PAGE_WIDTH = 360;

/** Draws every page of `pdf` into `container`, each a canvas named "<title>, page n of N". */
export async function renderPreview(container: HTMLElement, pdf: Uint8Array, title: string): Promise<void> {
  const { module, worker } = await loadPdfJs();
  // PDF.js takes the buffer over: give it a copy, the caller keeps its bytes.
  const doc = await module.getDocument({ data: pdf.slice(), worker, isEvalSupported: false, useSystemFonts: false, enableXfa: false, disableFontFace: true }).promise;
  try {
    const ratio = window.devicePixelRatio || 1;
    // All pages at once: the worker reads the next while this thread paints one.
    const drawPage = async (n: number) => {
      const page = await doc.getPage(n);
      const base = page.getViewport({ scale: 1 });
      const viewport = page.getViewport({ scale: (PAGE_WIDTH / base.width) * ratio });
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(viewport.width);
      canvas.height = Math.round(viewport.height);
      canvas.style.width = `${PAGE_WIDTH}px`;
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', `${title}, page ${n} of ${doc.numPages}`);
      await page.render({ canvas, canvasContext: canvas.getContext('2d')!, viewport }).promise;
      return canvas;
    };
    const pages = await Promise.all(Array.from({ length: doc.numPages }, (_, i) => drawPage(i + 1)));
    container.replaceChildren(...pages);
  } finally {
    await doc.destroy();
  }
}

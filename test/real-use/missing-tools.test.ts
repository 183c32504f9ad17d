import { describe, expect, it } from 'vitest';
import { MissingToolError, runTool } from '../helpers/tools.js';

describe('a checking tool missing on a developer machine', () => {
  it('fails the test with the tool name and how to install it', () => {
    const run = () => runTool('pdftotext', ['-v'], { env: { PATH: '/nonexistent' } });
    expect(run).toThrow(MissingToolError);
    expect(run).toThrow('pdftotext is not installed, and this test checks the output with it. Install it: sudo apt-get install poppler-utils (Debian, Ubuntu) or brew install poppler (macOS).');
  });

  it('runs the tool when it is there', () => {
    expect(runTool('pdftotext', ['-v'], { encoding: 'utf8', stdio: 'pipe' })).toBeDefined();
  });
});

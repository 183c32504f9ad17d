/**
 * A hostile or broken logo in kit.yaml: refused at the logo line, before any
 * writer decodes it, by every command, within a bounded read.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkImageData } from '../../src/image-check.js';
import { checkLogo } from '../../src/load/check-logo.js';
import { repoRoot } from '../helpers/kit.js';
import { makePng, SPINNING_PNG } from '../helpers/png.js';

const fixture = (name: string) => join(repoRoot, 'test/fixtures/config', name);
const goodPng = new Uint8Array(readFileSync(fixture('logo.png')));
const goodJpeg = new Uint8Array(readFileSync(fixture('logo.jpg')));

describe('checkImageData', () => {
  it('accepts sound PNG and JPEG logos', () => {
    expect(checkImageData(goodPng, 'png')).toBeUndefined();
    expect(checkImageData(goodJpeg, 'jpeg')).toBeUndefined();
    // Three rows of 2 × RGB pixels, each with filter byte 0.
    expect(checkImageData(makePng(2, 3, deflateSync(new Uint8Array(3 * 7))), 'png')).toBeUndefined();
  });

  it('refuses the PNG whose pixel data makes pdf-lib loop forever', () => {
    expect(checkImageData(SPINNING_PNG, 'png')).toMatch(/pixel data/);
  });

  it('refuses pixel data that is short, too long, badly filtered or not zlib', () => {
    expect(checkImageData(makePng(2, 3, deflateSync(new Uint8Array(20))), 'png')).toBe('the pixel data is cut short');
    expect(checkImageData(makePng(2, 3, deflateSync(new Uint8Array(22))), 'png')).toBe('the pixel data is larger than the header says');
    const badFilter = new Uint8Array(21);
    badFilter[7] = 9;
    expect(checkImageData(makePng(2, 3, deflateSync(badFilter)), 'png')).toMatch(/row filter/);
    expect(checkImageData(makePng(2, 3, Uint8Array.from([1, 2, 3, 4])), 'png')).toMatch(/does not decompress/);
  });

  it('stops inflating a bomb as soon as it outgrows the declared size', () => {
    const bomb = deflateSync(new Uint8Array(64 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(100_000);
    expect(checkImageData(makePng(10, 10, bomb), 'png')).toBe('the pixel data is larger than the header says');
  });

  it('refuses a JPEG cut before its frame header', () => {
    expect(checkImageData(goodJpeg.slice(0, 20), 'jpeg')).toBeDefined();
  });
});

describe('checkLogo', () => {
  it('refuses a header that declares more pixels than the limit, before decoding', () => {
    const huge = makePng(20000, 20000, deflateSync(new Uint8Array(10)));
    const result = checkLogo(huge, 'kit.yaml', 'huge.png', { line: 3, column: 9 });
    expect(result.logo).toBeUndefined();
    expect(result.diagnostics[0]).toMatchObject({ line: 3, column: 9, field: 'office.logo' });
    expect(result.diagnostics[0]!.message).toMatch(/too many pixels \(20000 × 20000/);
  });

  it('refuses a damaged PNG with a message at the logo line', () => {
    const result = checkLogo(SPINNING_PNG, 'kit.yaml', 'seal.png', { line: 3, column: 9 });
    expect(result.diagnostics[0]).toMatchObject({ severity: 'error', line: 3, column: 9 });
    expect(result.diagnostics[0]!.message).toMatch(/^office\.logo "seal\.png" is a damaged PNG image/);
  });
});

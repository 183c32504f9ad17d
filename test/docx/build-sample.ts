/**
 * Builds the packet DOCX of content/examples/maya.yaml in a process of its own
 * and prints the SHA-256 of its bytes, so a test can compare builds across
 * processes. Run: node --import tsx test/docx/build-sample.ts
 */
import { createHash } from 'node:crypto';
import { writeDocx } from '../../src/write/docx/index.js';
import { theme } from './docx-helpers.js';
import { interview, kitTrees } from './real-documents.js';

const bytes = await writeDocx(kitTrees(interview('maya.yaml')).packet, { theme: theme() });
process.stdout.write(createHash('sha256').update(bytes).digest('hex'));

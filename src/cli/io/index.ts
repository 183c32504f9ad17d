/** File reading and writing for every command: the only place that touches input and output files. */
export { readInputFile, readInputBytes, readRegularFile, decodeText, type ReadInputOptions } from './read-input-file.js';
export { writeFilesAtomically, removePendingTemps, OutputFolderError, type OutputFile, type WriteFilesOptions } from './write-files-atomically.js';

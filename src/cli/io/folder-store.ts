/** A folder on disk as a batch's store: every write goes to a temporary name first. */
import { createHash } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { mkdir, open, readFile, rename, rmdir, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { BatchStore, StreamedFile } from '../../batch/run-batch.js';
import { removePendingTemps, writeFilesAtomically } from './index.js';

/** A folder on disk as a {@link BatchStore}; every write goes to a temporary name first and is renamed when complete. */
export class FolderStore implements BatchStore {
  private readonly temporary = new Set<string>();
  private counter = 0;

  constructor(private readonly root: string) {}

  async read(path: string): Promise<Uint8Array | undefined> {
    try {
      return new Uint8Array(await readFile(join(this.root, path)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async size(path: string): Promise<number | undefined> {
    try {
      const s = await stat(join(this.root, path));
      return s.isFile() ? s.size : undefined;
    } catch {
      return undefined;
    }
  }

  async writeFiles(folder: string, files: readonly { name: string; bytes: Uint8Array }[]): Promise<void> {
    await writeFilesAtomically(join(this.root, folder), files);
  }

  async openStream(path: string): Promise<StreamedFile> {
    const target = join(this.root, path);
    await mkdir(dirname(target), { recursive: true });
    const temp = this.tempName(target);
    const handle: FileHandle = await open(temp, 'w');
    const hash = createHash('sha256');
    const done = () => this.temporary.delete(temp);
    return {
      async write(bytes: Uint8Array) {
        hash.update(bytes);
        let offset = 0;
        while (offset < bytes.length) offset += (await handle.write(bytes, offset)).bytesWritten;
      },
      async commit() {
        await handle.sync();
        await handle.close();
        await rename(temp, target);
        done();
        return { sha256: hash.digest('hex') };
      },
      async abort() {
        await handle.close().catch(() => undefined);
        await unlink(temp).catch(() => undefined);
        done();
      },
    };
  }

  async remove(path: string): Promise<void> {
    const target = join(this.root, path);
    await unlink(target).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    const folder = dirname(target);
    if (folder !== this.root) {
      await rmdir(folder).catch((error: NodeJS.ErrnoException) => {
        if (!['ENOTEMPTY', 'EEXIST', 'ENOENT'].includes(error.code ?? '')) throw error;
      });
    }
  }

  /** Removes temporary files of writes in progress (on Ctrl-C). */
  removeTemporaryFiles(): void {
    removePendingTemps();
    for (const temp of this.temporary) {
      try {
        unlinkSync(temp);
      } catch {
        // already gone
      }
    }
    this.temporary.clear();
  }

  private tempName(target: string): string {
    const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${++this.counter}.tmp`);
    this.temporary.add(temp);
    return temp;
  }
}

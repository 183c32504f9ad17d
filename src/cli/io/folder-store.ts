/**
 * A folder on disk as a batch's store: every write goes to a temporary name
 * first. Paths come from the batch (and so, on a re-run, from manifest.json,
 * which anyone can edit): a path that leaves the folder, or passes through a
 * symbolic link, is neither read nor deleted.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, realpathSync, unlinkSync } from 'node:fs';
import { lstat, mkdir, open, readFile, realpath, rename, rmdir, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { BatchStore, StreamedFile } from '../../batch/run-batch.js';
import { removePendingTemps, writeFilesAtomically } from './index.js';

/** A folder on disk as a {@link BatchStore}; every write goes to a temporary name first and is renamed when complete. */
export class FolderStore implements BatchStore {
  private readonly temporary = new Set<string>();
  private counter = 0;

  constructor(private readonly root: string) {}

  async read(path: string): Promise<Uint8Array | undefined> {
    const target = await this.regularFileAt(path);
    return target ? new Uint8Array(await readFile(target)) : undefined;
  }

  async size(path: string): Promise<number | undefined> {
    const target = await this.regularFileAt(path);
    return target ? (await lstat(target)).size : undefined;
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

  async remove(path: string, sha256: string): Promise<void> {
    const target = await this.regularFileAt(path);
    if (!target) return;
    const bytes = await readFile(target);
    // A file changed since the batch wrote it is someone's: it stays.
    if (createHash('sha256').update(bytes).digest('hex') !== sha256) return;
    await unlink(target).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    const folder = dirname(target);
    if (folder !== (await this.realRoot())) {
      await rmdir(folder).catch((error: NodeJS.ErrnoException) => {
        if (!['ENOTEMPTY', 'EEXIST', 'ENOENT'].includes(error.code ?? '')) throw error;
      });
    }
  }

  /**
   * Deletes temporary files a run of ours left in the batch folder or a
   * student's folder (killed before it could clean up): `.<name>.<pid>[.<n>].tmp`
   * of a process that is no longer running.
   */
  removeStaleTemporaryFiles(): void {
    let folders: string[];
    try {
      folders = [this.root, ...readdirSync(this.root, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => join(this.root, e.name))];
    } catch {
      return; // no batch folder yet
    }
    for (const folder of folders) {
      for (const name of readdirSync(folder)) {
        const pid = TEMP_NAME.exec(name)?.[1];
        if (!pid || processRunning(Number(pid))) continue;
        const file = join(folder, name);
        try {
          if (lstatSync(file).isFile()) unlinkSync(file);
        } catch {
          // gone meanwhile
        }
      }
    }
  }

  /** The real path of `path` when it is a regular file inside the batch folder, reached through no symbolic link. */
  private async regularFileAt(path: string): Promise<string | undefined> {
    const root = await this.realRoot();
    const target = resolve(root, path);
    const inside = relative(root, target);
    if (!inside || inside === '..' || inside.startsWith(`..${sep}`)) return undefined;
    try {
      if ((await realpath(dirname(target))) !== dirname(target)) return undefined;
      const stats = await lstat(target);
      return stats.isFile() ? target : undefined;
    } catch {
      return undefined;
    }
  }

  private rootPath?: string;
  private async realRoot(): Promise<string> {
    if (!this.rootPath) {
      try {
        this.rootPath = realpathSync(this.root);
      } catch {
        return resolve(this.root); // not made yet: nothing inside it either
      }
    }
    return this.rootPath;
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

/** Our temporary names: `.packet.pdf.1234.tmp` (writeFilesAtomically) and `.print.pdf.1234.1.tmp` (streams). */
const TEMP_NAME = /^\..+?\.(\d+)(?:\.\d+)?\.tmp$/;

function processRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';


interface LockPackage {
  readonly version?: string;
  readonly dev?: boolean;
  readonly optional?: boolean;
  readonly engines?: { readonly node?: string } | readonly string[];
}

describe('npm install', () => {
  it('installs without engine warnings on the oldest Node that `engines` names', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
    const oldest = semver.minVersion(pkg.engines.node)!.version;
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, LockPackage> };
    const refusing = Object.entries(lock.packages)
      .filter(([path, p]) => path !== '' && !p.dev && !p.optional)
      .filter(([, p]) => !Array.isArray(p.engines) && typeof (p.engines as { node?: string } | undefined)?.node === 'string')
      .filter(([, p]) => !semver.satisfies(oldest, (p.engines as { node: string }).node))
      .map(([path, p]) => `${path.replace(/^.*node_modules\//, '')}@${p.version} wants Node ${(p.engines as { node: string }).node}`);
    expect(refusing).toEqual([]);
  });
});

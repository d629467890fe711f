/**
 * Where each byte of the script-tag bundle goes: every chunk's source map says which source module
 * each stretch of the minified code came from (as source-map-explorer reads it); a module's share
 * of the chunk's gzip bytes is taken in proportion to its minified bytes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGITS = new Map([...BASE64].map((char, i) => [char, i]));

/** Decodes one segment of a source map's `mappings` (base64 VLQ) into its numbers. */
function decodeSegment(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = DIGITS.get(char)!;
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/** A source module's name: `lit-html`, `zod` for a package; its path for the project's own. */
export function moduleName(source: string): string {
  const packaged = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(source);
  if (packaged) return `${packaged[1]}/${packaged[2]}`;
  const own = /(?:^|\/)(src\/.*)$/.exec(source);
  return own ? own[1]! : source.replace(/^(\.\.\/)+/, '');
}

/** Minified bytes per source module of one built file, from its source map. */
export function modulesOf(file: URL): Map<string, number> {
  const code = readFileSync(file, 'utf8');
  const bytes = new Map<string, number>();
  const mapFile = new URL(`${file.href}.map`);
  if (!existsSync(mapFile)) return new Map([['(no source map)', code.length]]);
  const map = JSON.parse(readFileSync(mapFile, 'utf8')) as { sources: string[]; mappings: string };
  const lines = code.split('\n');
  let source = 0;
  let seen = false;
  let mapped = 0;
  const mappings = map.mappings.split(';');
  lines.forEach((text, index) => {
    const line = mappings[index] ?? '';
    const segments = line ? line.split(',').map(decodeSegment) : [];
    let column = 0;
    // A line without mappings is inside a multi-line string (a css`` or html`` template): it
    // belongs with the code it continues.
    const starts: [number, number][] = segments.length === 0 && seen ? [[0, source]] : [];
    for (const segment of segments) {
      column += segment[0]!;
      if (segment.length >= 4) {
        source += segment[1]!;
        seen = true;
      }
      // A segment without a source (punctuation the minifier added) belongs with the code before it.
      starts.push([column, seen ? source : -1]);
    }
    starts.forEach(([start, from], i) => {
      const end = i + 1 < starts.length ? starts[i + 1]![0] : text.length + 1;
      const name = from >= 0 ? moduleName(map.sources[from]!) : '(generated)';
      bytes.set(name, (bytes.get(name) ?? 0) + (end - start));
      mapped += end - start;
    });
  });
  const unmapped = code.length - mapped;
  if (unmapped > 0) bytes.set('(generated)', (bytes.get('(generated)') ?? 0) + unmapped);
  return bytes;
}

export interface ModuleRow {
  module: string;
  minBytes: number;
  gzipBytes: number;
}

/** The modules of some built files, largest first, with their share of each file's gzip bytes. */
export function moduleTable(files: URL[]): ModuleRow[] {
  const rows = new Map<string, ModuleRow>();
  for (const file of files) {
    const gzip = gzipSync(readFileSync(file), { level: 9 }).length;
    const modules = modulesOf(file);
    const total = [...modules.values()].reduce((sum, n) => sum + n, 0) || 1;
    for (const [module, min] of modules) {
      const row = rows.get(module) ?? { module, minBytes: 0, gzipBytes: 0 };
      row.minBytes += min;
      row.gzipBytes += (gzip * min) / total;
      rows.set(module, row);
    }
  }
  return [...rows.values()]
    .map((row) => ({ ...row, gzipBytes: Math.round(row.gzipBytes) }))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
}

/** The same, summed per package (`lit-html`, `zod`) or per folder of the project's own code. */
export function groupTable(rows: ModuleRow[]): ModuleRow[] {
  const groups = new Map<string, ModuleRow>();
  for (const row of rows) {
    const packaged = /^((?:@[^/]+\/)?[^/]+)\//.exec(row.module);
    const own = /^src\/((?:components\/)?[^/]+)\//.exec(row.module);
    const key = own ? `src/${own[1]}` : row.module.startsWith('src/') ? row.module : (packaged?.[1] ?? row.module);
    const group = groups.get(key) ?? { module: key, minBytes: 0, gzipBytes: 0 };
    group.minBytes += row.minBytes;
    group.gzipBytes += row.gzipBytes;
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.gzipBytes - a.gzipBytes);
}

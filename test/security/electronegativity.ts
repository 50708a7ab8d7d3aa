/**
 * `npm run scan:security`: runs electronegativity (pinned, through npx so its 150 MB of old
 * dependencies stay out of the lockfile) over main/, preload/ and renderer/ together, and gates on it:
 * - any HIGH finding fails;
 * - every MEDIUM finding must be justified by a comment `electronegativity <CHECK_ID>` on one of the
 *   four lines above the reported line;
 * - LOW findings are listed.
 * Fails closed: no report, or a report it cannot read, is a failure.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const VERSION = '1.10.3';
const ELECTRON_VERSION = '45.6.1';

/** RFC 4180 CSV (quoted fields may hold commas, quotes and newlines). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows.filter((r) => r.length > 1 || (r[0] ?? '') !== '');
}

interface Finding {
  readonly check: string;
  readonly severity: string;
  readonly file: string;
  readonly line: number;
}

function scan(): Finding[] {
  const work = mkdtempSync(join(tmpdir(), 'ztt-electronegativity-'));
  try {
    for (const folder of ['main', 'preload', 'renderer']) cpSync(join(ROOT, folder), join(work, 'src', folder), { recursive: true });
    const report = join(work, 'report.csv');
    const run = spawnSync('npx', ['-y', `@doyensec/electronegativity@${VERSION}`, '-i', join(work, 'src'), '-e', ELECTRON_VERSION, '-r', '-v', 'false', '-o', report], {
      encoding: 'utf8',
      timeout: 10 * 60_000,
    });
    let text: string;
    try {
      text = readFileSync(report, 'utf8');
    } catch {
      throw new Error(`electronegativity wrote no report (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
    }
    const [header, ...rows] = parseCsv(text);
    if (!header || header[0] !== 'issue' || header.length !== 8) throw new Error(`unreadable report header: ${JSON.stringify(header)}`);
    return rows.map((row) => {
      if (row.length !== 8) throw new Error(`unreadable report row: ${JSON.stringify(row)}`);
      const [check, severity, , file, location] = row as [string, string, string, string, string];
      return { check, severity: severity.trim(), file: file.trim(), line: Number.parseInt(location, 10) };
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function isJustified(finding: Finding): boolean {
  const lines = readFileSync(join(ROOT, finding.file), 'utf8').split('\n');
  const above = lines.slice(Math.max(0, finding.line - 5), finding.line - 1).join('\n');
  return above.includes(`electronegativity ${finding.check}`);
}

const findings = scan();
let failures = 0;
for (const finding of findings) {
  const where = `${finding.file}:${finding.line}`;
  if (finding.severity === 'HIGH') {
    failures++;
    process.stdout.write(`FAIL  HIGH    ${finding.check} at ${where}\n`);
  } else if (finding.severity === 'MEDIUM') {
    const justified = isJustified(finding);
    if (!justified) failures++;
    process.stdout.write(`${justified ? 'ok  ' : 'FAIL'}  MEDIUM  ${finding.check} at ${where}${justified ? ' (justified in a comment)' : ' (no justification comment above it)'}\n`);
  } else {
    process.stdout.write(`info  ${finding.severity.padEnd(7)} ${finding.check} at ${where}\n`);
  }
}
process.stdout.write(`electronegativity ${VERSION}: ${findings.length} findings, ${failures} failing\n`);
process.exitCode = failures === 0 ? 0 : 1;

// `manuplan export` and `manuplan import`: a clinic's records as NDJSON, out and back in.
import fs from 'node:fs';
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { RESOURCE_LINE_TYPES, type ExportCounts } from '../contracts/transfer.contract';
import { badRequest, conflict } from '../errors';
import type { RejectedLine } from '../modules/transfer/clinic-import';
import { clinicFlag, flagString, type CommandContext } from './commands';
import type { CliIo } from './output';
import { bytes, progressBar } from './progress-bar';

const total = (counts: ExportCounts) => RESOURCE_LINE_TYPES.reduce((n, t) => n + counts[t], 0);
const breakdown = (counts: ExportCounts) => RESOURCE_LINE_TYPES.map((t) => `${counts[t]} ${t.replace('_', ' ')}${counts[t] === 1 ? '' : 's'}`).join(', ');
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/** Text-only output (tests, embedding) as a stream: what io.out is given arrives in order. */
function streamOver(io: CliIo): Writable {
  return new Writable({
    write(chunk, _enc, done) {
      io.out(String(chunk));
      done();
    },
  });
}

/**
 * `export --clinic <id> [--out <file>] [--yes] [--json]`: every live record of the clinic as NDJSON,
 * to the file or to stdout. Writing to a file goes through `<file>.partial`, renamed at the end, so
 * a failed export never leaves a file that looks complete. Overwriting an existing file needs --yes.
 */
export async function exportCommand({ services, io, flags }: CommandContext): Promise<void> {
  const clinicId = clinicFlag(flags);
  const outPath = flagString(flags, 'out');
  await services.clinics.get(clinicId);
  if (outPath && fs.existsSync(outPath) && !flags.yes) throw conflict(`${outPath} already exists; pass --yes to overwrite it.`);

  const started = Date.now();
  const bar = progressBar(io.stderrStream, 'Exporting', (done, all) => `${done}/${all} records`);
  let counts: ExportCounts;
  if (outPath) {
    const partial = `${outPath}.partial`;
    // Patients' health records: readable by the operator's account only.
    const file = fs.createWriteStream(partial, { mode: 0o600 });
    try {
      counts = await services.transfer.export(clinicId, file, { onProgress: (d, t) => bar.update(d, t) });
      file.end();
      await finished(file);
      fs.renameSync(partial, outPath);
    } catch (err) {
      file.destroy();
      fs.rmSync(partial, { force: true });
      throw err;
    } finally {
      bar.done();
    }
  } else {
    const out = io.stdoutStream ?? streamOver(io);
    try {
      counts = await services.transfer.export(clinicId, out, { onProgress: (d, t) => bar.update(d, t) });
    } finally {
      bar.done();
    }
  }

  if (flags.json && outPath) io.out(JSON.stringify({ clinicId, file: outPath, counts }));
  else io.err(`Exported ${total(counts)} records of clinic ${clinicId} (${breakdown(counts)})${outPath ? ` to ${outPath}` : ''} in ${seconds(started)}.`);
}

const describeRejection = (r: RejectedLine) => `line ${r.line}: ${r.errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; ')}`;

/**
 * `import --clinic <id> <file> [--yes] [--new-ids] [--json]`: reads an export into the clinic. Never
 * changes or deletes anything: a record whose id the clinic already has is left as it is (so a repeated
 * import changes nothing). Into a clinic that already has records it needs --yes, since the records
 * it adds cannot be taken out again in bulk. Bad lines are reported by number (stderr) while the rest
 * go in; the exit code is then 1.
 */
export async function importCommand({ services, io, args, flags }: CommandContext): Promise<number> {
  const clinicId = clinicFlag(flags);
  if (args.length > 1) throw badRequest('Usage: manuplan import --clinic <id> [<file> | -] [--yes] [--new-ids] [--json]');
  // No file, or "-": the export is piped in (`manuplan export … | manuplan import …`); its size is unknown.
  const file = args[0] === '-' ? undefined : args[0];
  let size = 0;
  if (file) {
    try {
      size = fs.statSync(file).size;
    } catch {
      throw badRequest(`Cannot read ${file}.`);
    }
  } else if (!io.stdinStream) throw badRequest('No file given and no standard input to read.');
  await services.clinics.get(clinicId);
  if (!flags.yes && (await services.transfer.hasRecords(clinicId))) {
    throw conflict(
      `Clinic ${clinicId} already has records. The import would add to them (it never changes or deletes a record the clinic has, ` +
        'and records whose id the clinic already has are skipped); pass --yes to go ahead.',
    );
  }

  const started = Date.now();
  const bar = progressBar(io.stderrStream, 'Importing', (done, all) => `${bytes(done)}/${bytes(all)}`);
  let report;
  try {
    report = await services.transfer.import(clinicId, file ? fs.createReadStream(file) : io.stdinStream!, {
      newIds: Boolean(flags['new-ids']),
      onProgress: (read) => bar.update(read, Math.max(size, read)),
      onRejected: (r) => io.err(describeRejection(r)),
    });
  } finally {
    bar.done();
  }
  for (const warning of report.warnings) io.err(`Warning: ${warning}`);
  if (flags.json) io.out(JSON.stringify(report));
  else {
    const present = total(report.alreadyPresent);
    io.out(
      `Imported ${total(report.imported)} records into clinic ${clinicId} (${breakdown(report.imported)}) in ${seconds(started)}` +
        `${present > 0 ? `; ${present} already there, left as they were` : ''}` +
        `${report.rejectedCount > 0 ? `; ${report.rejectedCount} line(s) rejected (listed above)` : ''}.`,
    );
  }
  return report.rejectedCount > 0 ? 1 : 0;
}

import type { Readable, Writable } from 'node:stream';
import type { ExportCounts } from '../../contracts/transfer.contract';
import type { Database } from '../../db/database';
import { inClinic } from '../../db/tenant';
import { exportClinic, type ExportOptions } from './clinic-export';
import { importClinic, type ImportOptions, type ImportReport } from './clinic-import';
import { transferRepository } from './transfer.repository';

export type TransferService = ReturnType<typeof createTransferService>;

/** Moving a clinic's records in and out as NDJSON (the `manuplan export` and `import` commands). */
export function createTransferService({ database }: { database: Database }) {
  return {
    /** Streams every live record of the clinic to `out`; resolves with how many of each were written. */
    export(clinicId: string, out: Writable, options?: ExportOptions): Promise<ExportCounts> {
      return exportClinic(database, clinicId, out, options);
    },

    /** Reads an export into the clinic, inserting what it does not have yet; see clinic-import.ts. */
    import(clinicId: string, input: Readable, options?: ImportOptions): Promise<ImportReport> {
      return importClinic(database, clinicId, input, options);
    },

    /** Whether the clinic holds any live record: an import would add to them. */
    hasRecords(clinicId: string): Promise<boolean> {
      return inClinic(database.db, clinicId, (tx) => transferRepository.hasLiveRecords(tx, clinicId));
    },
  };
}

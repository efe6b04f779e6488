/**
 * An uploaded .xlsx saved to a temporary file: refused when larger than its limit, and refused at
 * once when it is not a zip (an .xlsx is one) before it takes any work.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { MultipartFile } from '@fastify/multipart';
import { DomainError, TERM_PREFIX } from '@fupin/domain';

export const UPLOAD_DIR = join(tmpdir(), 'fupin-imports');

/** Saves the upload and returns its path (the caller removes the file when done) and its name. */
export async function saveXlsxUpload(
  file: MultipartFile | undefined,
  maxBytes: number,
): Promise<{ path: string; fileName: string }> {
  if (!file) throw new DomainError('VALIDATION_FAILED', {}, [{ path: 'file', key: 'issue.required' }]);
  await mkdir(UPLOAD_DIR, { recursive: true });
  const path = join(UPLOAD_DIR, `${randomUUID()}.xlsx`);
  await pipeline(file.file, createWriteStream(path));
  if (file.file.truncated) {
    await rm(path, { force: true });
    // Says the limit, as a photo that is too large does: 文件过大（单个不超过 200 MB）.
    throw new DomainError('EVIDENCE_TOO_LARGE', { max: maxBytes / 1024 / 1024 });
  }
  const handle = await open(path, 'r');
  const magic = Buffer.alloc(4);
  await handle.read(magic, 0, 4, 0);
  await handle.close();
  if (magic.toString('hex') !== '504b0304') {
    await rm(path, { force: true });
    throw new DomainError('IMPORT_FILE_INVALID', { reason: `${TERM_PREFIX}import.not_xlsx` }, [
      { path: 'file', key: 'import.not_xlsx' },
    ]);
  }
  return { path, fileName: file.filename };
}

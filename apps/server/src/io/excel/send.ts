/** Streams a workbook as a download named in Chinese (RFC 5987, with an ASCII fallback). */
import { PassThrough } from 'node:stream';
import type { FastifyReply } from 'fastify';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function sendXlsx(reply: FastifyReply, name: string, write: (out: PassThrough) => Promise<void>, fallback = 'table.xlsx') {
  const out = new PassThrough();
  write(out).catch((error) => {
    reply.log.error({ err: error }, `writing ${name} failed`);
    out.destroy(error as Error);
  });
  return reply
    .header('content-type', XLSX_TYPE)
    .header('content-disposition', `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`)
    .send(out);
}

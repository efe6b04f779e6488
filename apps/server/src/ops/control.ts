/**
 * The server's control socket, on PGlite only: while the server runs it alone may open the data
 * folder (pglite-lock.ts), so `fupin backup` asks the server to write the backup through this
 * socket. It is a Unix socket inside the data folder (a named pipe on Windows), readable by the
 * folder's owner only: whoever may read the database files may take a backup, nobody else, and
 * no password is involved.
 */
import { createHash } from 'node:crypto';
import { chmodSync, rmSync } from 'node:fs';
import { connect, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Database } from '../db/client';
import { writeBackup } from './backup';

/** Where the server of a data folder listens. */
export function controlSocketPath(dataDir: string): string {
  const dir = resolve(dataDir);
  const hash = createHash('sha256').update(dir).digest('hex').slice(0, 16);
  if (process.platform === 'win32') return `\\\\.\\pipe\\fupin-${hash}`;
  const inside = join(dir, 'fupin.sock');
  // A Unix socket's path holds at most 107 bytes.
  return Buffer.byteLength(inside) < 100 ? inside : join(tmpdir(), `fupin-${hash}.sock`);
}

/** Listens for control requests; one request a connection, its first line naming it. */
export async function startControlSocket(
  database: Database,
  dataDir: string,
  onError: (error: unknown) => void,
): Promise<{ close(): Promise<void> }> {
  const path = controlSocketPath(dataDir);
  // This process holds the folder's lock, so a socket file left there is from a killed server.
  if (process.platform !== 'win32') rmSync(path, { force: true });
  const server = createServer((socket) => {
    socket.once('data', (first) => {
      const request = first.toString('utf8').split('\n')[0]?.trim();
      if (request !== 'backup') {
        socket.end(`unknown request ${JSON.stringify(request)}\n`);
        return;
      }
      writeBackup(database, socket).catch((error) => {
        onError(error);
        socket.destroy();
      });
    });
    socket.on('error', () => {});
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(path, () => ok());
  });
  if (process.platform !== 'win32') chmodSync(path, 0o600);
  return {
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        if (process.platform !== 'win32') rmSync(path, { force: true });
      }),
  };
}

/** Asks the server running on a data folder for a backup, written into `out`. */
export async function requestBackup(dataDir: string, out: Writable): Promise<void> {
  const socket: Socket = connect(controlSocketPath(dataDir));
  await new Promise<void>((ok, fail) => {
    socket.once('connect', ok);
    socket.once('error', (error) =>
      fail(
        new Error(
          `服务器没有应答备份请求 / the server running on ${resolve(dataDir)} does not answer on its control socket (${(error as Error).message})`,
        ),
      ),
    );
  });
  socket.write('backup\n');
  await pipeline(socket, out);
}

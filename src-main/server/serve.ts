import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { createLeitstand } from '../app/createLeitstand';
import { DatabaseOpenError } from '../db/connection';
import { LiveIngest } from '../ingest/liveIngest';
import { parseServeArgs } from './args';
import { startHttpServer } from './http';

// `npm run serve`: the whole application under plain Node, for wall screens and browser tests.

async function main() {
  let options: ReturnType<typeof parseServeArgs>;
  try {
    options = parseServeArgs(process.argv.slice(2));
  } catch (error) {
    const message = error instanceof z.ZodError ? error.issues[0]!.message : (error as Error).message;
    console.error(`leitstand serve: ${message}`);
    process.exit(2);
  }
  if (options.host !== '127.0.0.1' && options.host !== 'localhost' && options.host !== '::1') {
    console.warn(
      `leitstand serve: WARNING: listening on ${options.host} makes the plant reachable from the network.`,
    );
  }
  mkdirSync(dirname(options.dbPath), { recursive: true });
  const leitstand = await createLeitstand({
    dbPath: options.dbPath,
    empty: options.empty,
    speed: options.speed,
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
  });
  const staticDir = fileURLToPath(new URL('../renderer/', import.meta.url));
  const server = await startHttpServer({ leitstand, staticDir, host: options.host, port: options.port });
  // The ingest listener follows the settings while serving (a new port, turned off or on).
  const ingest = await LiveIngest.start(leitstand.ctx, {
    enabled: options.ingest,
    ...(options.ingestPort !== undefined ? { port: options.ingestPort } : {}),
    ...(options.ingestHost !== undefined ? { host: options.ingestHost } : {}),
  });
  console.info(`Leitstand is serving ${server.url} (database ${options.dbPath}, speed ×${options.speed})`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.info(`leitstand serve: ${signal}, closing the database cleanly`);
    await ingest.close();
    await server.close();
    await leitstand.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof DatabaseOpenError) console.error(`leitstand serve: ${error.message}`);
  else console.error('leitstand serve: could not start', error);
  process.exit(1);
});

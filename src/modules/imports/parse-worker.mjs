// The import parser's worker thread (see parseUpload in parse.ts). Plain JavaScript, so that it
// starts the same way under tsx, vitest and Node: it registers tsx's loader, then loads parse.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { answer } = await import(workerData.module);
parentPort.on('message', async (msg) => parentPort.postMessage(await answer(msg, (r) => parentPort.postMessage(r))));

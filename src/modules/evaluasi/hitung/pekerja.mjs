// A worker thread of the year-end computation (see hitungParalel in service.ts). Plain JavaScript,
// so that it starts the same way under tsx, vitest and Node: it registers tsx's loader, then loads
// pekerja-main.ts, which runs its share and reports back.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { jalankan } = await import(workerData.module);
try {
  parentPort.postMessage({ selesai: await jalankan(workerData, (n) => parentPort.postMessage({ ditulis: n })) });
} catch (e) {
  parentPort.postMessage({ gagal: e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e) });
}

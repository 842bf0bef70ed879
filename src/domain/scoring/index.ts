// The scoring module (docs/domain/scoring.md): pure functions, no database, no HTTP, so that the
// server and the browser compute the same capaian with the same code.
export * from './rasional.js';
export * from './reason.js';
export * from './policy.js';
export * from './capaian.js';
export * from './kumulatif.js';
export * from './target-pilihan.js';
export * from './klasifikasi-rhk.js';
export * from './rating.js';
export * from './predikat.js';
export * from './distribusi.js';
export * from './angka-kredit.js';
export * from './tahunan.js';

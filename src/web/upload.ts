import type { RequestHandler } from 'express';
import multer from 'multer';
import { checkCsrf } from './csrf.js';
import { HttpError } from './errors.js';
import { BAD_CHARS_KEY, cleanFields } from './request-guard.js';

// The one way to accept a file upload: multipart/form-data parsed into memory (one file, in
// the given field), then the CSRF check, which the global middleware leaves to this point
// because it cannot read a multipart body. The form must put the CSRF field before the file
// input (the csrf partial first), so the token is parsed even when the file is too large.
//
// A too-large or malformed upload does not fail the request: the route finds the problem in
// `req.uploadError` (message key, params, status) and shows its own form again with it.

export type UploadError = { status: number; key: string; params?: Record<string, string | number> };

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request { uploadError?: UploadError }
  }
}

export function uploadWithCsrf(opts: { field: string; maxBytes: number }): RequestHandler {
  const parse = multer({
    storage: multer.memoryStorage(),
    defParamCharset: 'utf8',
    limits: { fileSize: opts.maxBytes, files: 1, fields: 20, fieldSize: 10_000, parts: 25 },
  }).single(opts.field);
  const maxMb = Math.max(1, Math.round(opts.maxBytes / (1024 * 1024)));
  return (req, res, next) => {
    parse(req, res, (err: unknown) => {
      if (err instanceof multer.MulterError) {
        req.uploadError = err.code === 'LIMIT_FILE_SIZE' ? { status: 413, key: 'upload.tooLarge', params: { max: maxMb } } : { status: 400, key: 'upload.invalid' };
        req.file = undefined;
      } else if (err) {
        return next(new HttpError(400, 'error.badRequest')); // a malformed or aborted multipart body
      }
      req.body ??= {};
      // Multipart fields pass the same guard as a urlencoded body; a file name is only a label,
      // so a NUL in it is simply removed.
      const { clean, bad } = cleanFields(req.body as Record<string, unknown>);
      req.body = clean;
      if (req.file) req.file.originalname = req.file.originalname.replace(/\u0000/g, '');
      if (bad.length && !req.uploadError) req.uploadError = { status: 422, key: BAD_CHARS_KEY };
      checkCsrf(req, res, next);
    });
  };
}

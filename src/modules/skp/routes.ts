import { Router } from 'express';
import type { Db } from '../../db/client.js';

export function skpRoutes(_deps: { db: Db }): Router {
  const r = Router();
  return r;
}

import { Router } from 'express';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';

export function importRoutes(_deps: { db: Db; config: Config }): Router {
  return Router();
}

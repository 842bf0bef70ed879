import { Router, type Response } from 'express';
import type { RouterDeps } from '../router-deps.js';
import { LANGUAGES, isLang } from '../../i18n/index.js';
import { requireLogin } from '../../web/auth.js';
import { t } from '../../web/locals.js';
import { rekapEkspor } from './export.js';
import { rekapQuery } from './schemas.js';
import { akPage, rekapPage, type FormatEkspor, type JenisEkspor } from './service.js';

/**
 * The year's recaps (docs/domain/rekap.md): the distribution page (HR the agency, a pimpinan their
 * subtree), the year's recap in Excel (the same), the TPP list in Excel and CSV and the angka
 * kredit list (HR). The services decide; anyone else finds no such page (404), and an official
 * outside the agency is refused (403) as on every requireLogin route.
 */
export function rekapRoutes({ db }: Pick<RouterDeps, 'db'>): Router {
  const r = Router();

  r.get('/rekap', requireLogin, async (req, res) => {
    res.render('rekap/rekap', await rekapPage(db, req.user!, rekapQuery.parse(req.query)));
  });

  r.get('/rekap/angka-kredit', requireLogin, async (req, res) => {
    res.render('rekap/angka-kredit', await akPage(db, req.user!, rekapQuery.parse(req.query)));
  });

  const download = (path: string, jenis: JenisEkspor, format: FormatEkspor) =>
    r.get(path, requireLogin, async (req, res) => {
      const file = await rekapEkspor(db, req.user!, rekapQuery.parse(req.query), jenis, format);
      res.setHeader('Content-Type', file.contentType);
      res.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
      res.setHeader('Cache-Control', 'no-store');
      try {
        await file.write(res, { t: (key, params) => t(res, key, params), locale: localeOf(res) });
      } catch (e) {
        res.destroy(); // the file is half sent: break the download rather than leave it hanging
        throw e;
      }
      res.end();
    });
  download('/rekap/tahunan.xlsx', 'tahunan', 'xlsx');
  download('/rekap/tpp.xlsx', 'tpp', 'xlsx');
  download('/rekap/tpp.csv', 'tpp', 'csv');
  download('/rekap/angka-kredit.xlsx', 'angkaKredit', 'xlsx');

  return r;
}

const localeOf = (res: Response): string => {
  const lang: unknown = res.locals.lang;
  return isLang(lang) ? LANGUAGES[lang].locale : LANGUAGES.id.locale;
};

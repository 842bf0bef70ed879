import { Router } from 'express';
import type { RouterDeps } from '../router-deps.js';
import { requireAdmin, requireAnyLogin } from '../../web/auth.js';
import { handleForm } from '../../web/form.js';
import { flash, t } from '../../web/locals.js';
import { idParam } from '../../web/params.js';
import type { Lang } from '../../i18n/index.js';
import { emailKeluarQuery, kirimUlangForm, preferensiForm } from './schemas.js';
import { emailKeluarPage, kirimUlangEmail, preferensiPage, savePreferensi } from './service.js';

/**
 * E-mail of notifications (docs/domain/email.md): HR's outbox (failed and waiting e-mails, resend)
 * and every login's notification settings (an official outside the agency included: they get
 * e-mails too).
 */
export function emailRoutes({ db, config, clock, jobs }: Pick<RouterDeps, 'db' | 'config' | 'clock' | 'jobs'>): Router {
  const r = Router();

  r.get('/email-keluar', requireAdmin, async (req, res) => {
    res.render('email/keluar', await emailKeluarPage(db, config, res.locals.lang as Lang, emailKeluarQuery.parse(req.query)));
  });

  r.post('/email-keluar/:id/kirim-ulang', requireAdmin, async (req, res) => {
    const id = idParam(req.params.id);
    await handleForm(req, res, {
      schema: kirimUlangForm,
      view: 'email/keluar',
      locals: () => emailKeluarPage(db, config, res.locals.lang as Lang, { status: 'GAGAL' }),
      onValid: async ({ version }) => {
        const e = await kirimUlangEmail(db, req.user!, id, version, { clock, config, jobs });
        flash(req, 'success', t(res, 'email.keluar.dikirimUlang', { kepada: e.kepada }));
        res.redirect(303, '/email-keluar');
      },
    });
  });

  r.get('/akun/notifikasi', requireAnyLogin, async (req, res) => {
    res.render('email/preferensi', await preferensiPage(db, req.user!));
  });

  r.post('/akun/notifikasi', requireAnyLogin, async (req, res) => {
    await handleForm(req, res, {
      schema: preferensiForm,
      view: 'email/preferensi',
      locals: () => preferensiPage(db, req.user!),
      onValid: async (data) => {
        await savePreferensi(db, req.user!, data);
        flash(req, 'success', t(res, 'email.preferensi.saved'));
        res.redirect(303, '/akun/notifikasi');
      },
    });
  });

  return r;
}

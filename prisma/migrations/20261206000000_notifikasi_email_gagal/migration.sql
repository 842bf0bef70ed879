-- HR is told when e-mails failed after all their attempts (docs/domain/email.md § Failed e-mails):
-- one more kind of notification. (A new enum value is not used in the migration that adds it.)
ALTER TYPE "JenisNotifikasi" ADD VALUE 'EMAIL_GAGAL';

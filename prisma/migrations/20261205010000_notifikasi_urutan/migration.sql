-- The notification list's keyset order (docs/domain/notifikasi.md § The bell and the list): newest
-- first on (created_at, id), read straight from this index, so the first page and every later one
-- read about 21 index entries however many notifications a login has. (The index on
-- (user_id, created_at DESC) of 20261205000000_notifikasi is a prefix of this one.)
CREATE INDEX "notifikasi_user_id_created_at_id_idx" ON "notifikasi"("user_id", "created_at" DESC, "id" DESC);

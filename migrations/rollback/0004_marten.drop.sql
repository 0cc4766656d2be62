drop index if exists treaties.mt_doc_allegationrow_idx_accuser;
drop index if exists treaties.mt_doc_allegationrow_idx_accused;
alter table treaties.mt_doc_allegationrow drop column accuser;
alter table treaties.mt_doc_allegationrow drop column accused;
DROP TABLE IF EXISTS treaties.mt_doc_recordentryrow CASCADE;
DROP TABLE IF EXISTS treaties.mt_doc_statusintervalrow CASCADE;
DROP TABLE IF EXISTS treaties.mt_doc_treatylinkrow CASCADE;


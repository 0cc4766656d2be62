DROP TABLE IF EXISTS treaties.mt_doc_recordentryrow CASCADE;
DROP TABLE IF EXISTS treaties.mt_doc_statusintervalrow CASCADE;
DROP TABLE IF EXISTS treaties.mt_doc_treatylinkrow CASCADE;


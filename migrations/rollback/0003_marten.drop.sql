DROP TABLE IF EXISTS treaties.mt_doc_readmodelsversion CASCADE;
DROP TABLE IF EXISTS treaties.mt_doc_statenamesrow CASCADE;

DROP TABLE IF EXISTS treaties.mt_doc_treatylinkrow CASCADE;


-- Undoes 0006_marten.sql: the state rows and the views' recorded_through column.
DROP TABLE IF EXISTS treaties.mt_doc_stateintreatyrow CASCADE;
drop index if exists treaties.mt_doc_treatystatusview_idx_recorded_through;
alter table treaties.mt_doc_treatystatusview drop column recorded_through;

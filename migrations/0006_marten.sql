-- Read models of release 4 (a state's row in each treaty, for its view of any day; when each treaty was last recorded, as a column): see Store/ReadModels.Version.
-- The column is filled from what the view already holds; a writer's first start rebuilds every read model anyway (RebuildOnUpgrade).
DO $$
BEGIN      IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = 'treaties') THEN
        BEGIN
          EXECUTE 'CREATE SCHEMA IF NOT EXISTS treaties';
        EXCEPTION
          WHEN duplicate_schema THEN NULL;
          WHEN unique_violation THEN NULL;
        END;
      END IF;

END
$$;


CREATE TABLE IF NOT EXISTS treaties.mt_doc_stateintreatyrow (
    id                  varchar                     NOT NULL,
    data                jsonb                       NOT NULL,
    mt_last_modified    timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_version          uuid                        NOT NULL DEFAULT (md5(random()::text || clock_timestamp()::text)::uuid),
    mt_dotnet_type      varchar                     NULL,
    treaty_id           varchar                     NULL,
    party               varchar                     NULL,
CONSTRAINT pkey_mt_doc_stateintreatyrow_id PRIMARY KEY (id)
);

CREATE INDEX mt_doc_stateintreatyrow_idx_treaty_id ON treaties.mt_doc_stateintreatyrow USING btree (treaty_id);

CREATE INDEX mt_doc_stateintreatyrow_idx_party ON treaties.mt_doc_stateintreatyrow USING btree (party);
alter table treaties.mt_doc_treatystatusview add column recorded_through timestamp with time zone NULL;update treaties.mt_doc_treatystatusview set "recorded_through" = coalesce(treaties.mt_immutable_timestamptz(data -> 'lastEvent' ->> 'recordedAt'), treaties.mt_immutable_timestamptz(data ->> 'registeredAt'));
CREATE INDEX mt_doc_treatystatusview_idx_recorded_through ON treaties.mt_doc_treatystatusview USING btree (recorded_through);

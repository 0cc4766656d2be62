-- Read models of release 3 (the links between treaties): see Store/ReadModels.Version.
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


CREATE TABLE IF NOT EXISTS treaties.mt_doc_treatylinkrow (
    id                  varchar                     NOT NULL,
    data                jsonb                       NOT NULL,
    mt_last_modified    timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_version          uuid                        NOT NULL DEFAULT (md5(random()::text || clock_timestamp()::text)::uuid),
    mt_dotnet_type      varchar                     NULL,
    from_treaty         varchar                     NULL,
    to_treaty           varchar                     NULL,
CONSTRAINT pkey_mt_doc_treatylinkrow_id PRIMARY KEY (id)
);

CREATE INDEX mt_doc_treatylinkrow_idx_from_treaty ON treaties.mt_doc_treatylinkrow USING btree (from_treaty);

CREATE INDEX mt_doc_treatylinkrow_idx_to_treaty ON treaties.mt_doc_treatylinkrow USING btree (to_treaty);

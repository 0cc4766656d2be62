-- Read models of release 3 (links between treaties, status intervals by state and period, the record across treaties, allegations by state): see Store/ReadModels.Version.
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


alter table treaties.mt_doc_allegationrow add column accuser varchar NULL;update treaties.mt_doc_allegationrow set "accuser" = data ->> 'accuser';
alter table treaties.mt_doc_allegationrow add column accused varchar NULL;update treaties.mt_doc_allegationrow set "accused" = data ->> 'accused';
CREATE INDEX mt_doc_allegationrow_idx_accuser ON treaties.mt_doc_allegationrow USING btree (accuser);
CREATE INDEX mt_doc_allegationrow_idx_accused ON treaties.mt_doc_allegationrow USING btree (accused);
CREATE TABLE IF NOT EXISTS treaties.mt_doc_recordentryrow (
    id                  uuid                        NOT NULL,
    data                jsonb                       NOT NULL,
    mt_last_modified    timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_version          uuid                        NOT NULL DEFAULT (md5(random()::text || clock_timestamp()::text)::uuid),
    mt_dotnet_type      varchar                     NULL,
    treaty_id           varchar                     NULL,
    recorded_at         timestamp with time zone    NULL,
CONSTRAINT pkey_mt_doc_recordentryrow_id PRIMARY KEY (id)
);

CREATE INDEX mt_doc_recordentryrow_idx_treaty_id ON treaties.mt_doc_recordentryrow USING btree (treaty_id);

CREATE INDEX mt_doc_recordentryrow_idx_recorded_at ON treaties.mt_doc_recordentryrow USING btree (recorded_at);
CREATE TABLE IF NOT EXISTS treaties.mt_doc_statusintervalrow (
    id                  varchar                     NOT NULL,
    data                jsonb                       NOT NULL,
    mt_last_modified    timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_version          uuid                        NOT NULL DEFAULT (md5(random()::text || clock_timestamp()::text)::uuid),
    mt_dotnet_type      varchar                     NULL,
    treaty_id           varchar                     NULL,
    party               varchar                     NULL,
    status              varchar                     NULL,
    "from"              date                        NULL,
    "to"                date                        NULL,
CONSTRAINT pkey_mt_doc_statusintervalrow_id PRIMARY KEY (id)
);

CREATE INDEX mt_doc_statusintervalrow_idx_treaty_id ON treaties.mt_doc_statusintervalrow USING btree (treaty_id);

CREATE INDEX mt_doc_statusintervalrow_idx_party ON treaties.mt_doc_statusintervalrow USING btree (party);

CREATE INDEX mt_doc_statusintervalrow_idx_status ON treaties.mt_doc_statusintervalrow USING btree (status);

CREATE INDEX mt_doc_statusintervalrow_idx_from ON treaties.mt_doc_statusintervalrow USING btree ("from");

CREATE INDEX mt_doc_statusintervalrow_idx_to ON treaties.mt_doc_statusintervalrow USING btree ("to");
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

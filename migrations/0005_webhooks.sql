-- Webhooks: the subscriptions and their deliveries (Features/Webhooks); Wolverine's durable messages carry them, in the tables of 0002.
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


CREATE TABLE IF NOT EXISTS treaties.mt_doc_webhookdelivery (
    id                  uuid                        NOT NULL,
    data                jsonb                       NOT NULL,
    mt_last_modified    timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_version          uuid                        NOT NULL DEFAULT (md5(random()::text || clock_timestamp()::text)::uuid),
    mt_dotnet_type      varchar                     NULL,
    subscription_id     varchar                     NULL,
CONSTRAINT pkey_mt_doc_webhookdelivery_id PRIMARY KEY (id)
);

CREATE INDEX mt_doc_webhookdelivery_idx_subscription_id ON treaties.mt_doc_webhookdelivery USING btree (subscription_id);
CREATE TABLE IF NOT EXISTS treaties.mt_doc_webhooksubscription (
    id                  varchar                     NOT NULL,
    data                jsonb                       NOT NULL,
    mt_last_modified    timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_version          uuid                        NOT NULL DEFAULT (md5(random()::text || clock_timestamp()::text)::uuid),
    mt_dotnet_type      varchar                     NULL,
CONSTRAINT pkey_mt_doc_webhooksubscription_id PRIMARY KEY (id)
);

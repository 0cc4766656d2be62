-- Undoes 0005_webhooks.sql: the webhook subscriptions and their deliveries.
DROP TABLE IF EXISTS treaties.mt_doc_webhookdelivery CASCADE;
DROP TABLE IF EXISTS treaties.mt_doc_webhooksubscription CASCADE;

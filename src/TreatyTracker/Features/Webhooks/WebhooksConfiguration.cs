using Marten;
using TreatyTracker.Store;

namespace TreatyTracker.Features.Webhooks;

public static class WebhooksConfiguration
{
    /// <summary>
    /// Subscriptions and deliveries are Marten documents; the messages that carry a commit to its deliveries, and each
    /// delivery's attempts, are Wolverine's durable local messages (Hosting/Messaging), which a read-only instance does not
    /// keep, so it sends nothing.
    /// </summary>
    public static void AddWebhooks(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<WebhookOptions>(builder.Configuration.GetSection(WebhookOptions.Section));
        builder.Services.ConfigureMarten(opts =>
        {
            opts.Schema.For<WebhookSubscription>();
            opts.Schema.For<WebhookDelivery>().Duplicate(d => d.SubscriptionId);
        });
        WebhookSender.AddClient(builder.Services);
        builder.Services.AddSingleton<WebhookSender>();
        builder.Services.AddSingleton<IOnRecorded, TellWebhooks>();
    }
}

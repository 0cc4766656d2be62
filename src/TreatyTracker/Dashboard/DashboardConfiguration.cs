namespace TreatyTracker.Dashboard;

/// <summary>The dashboard: static pages in wwwroot that read only the public HTTP API.</summary>
public static class DashboardConfiguration
{
    /// <summary>Scripts and styles only from this server (no inline scripts); the chart sets element styles from script.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
        "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static void MapDashboard(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers["Referrer-Policy"] = "no-referrer";
            await next(context);
        });
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapFallbackToFile("/treaties/{id}", "treaty.html");
        app.MapFallbackToFile("/states", "states.html");
        app.MapFallbackToFile("/states/{name}", "state.html");
        app.MapFallbackToFile("/record", "record.html");
        app.MapFallbackToFile("/during", "during.html");
        app.MapApiReference();
    }
}

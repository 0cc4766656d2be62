namespace TreatyTracker.Dashboard;

/// <summary>The dashboard: static pages in wwwroot that read only the public HTTP API.</summary>
public static class DashboardConfiguration
{
    public static void MapDashboard(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapFallbackToFile("/treaties/{id}", "treaty.html");
    }
}

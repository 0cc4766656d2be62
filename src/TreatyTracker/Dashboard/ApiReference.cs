using System.IO.Compression;
using Microsoft.Net.Http.Headers;
using Scalar.AspNetCore;

namespace TreatyTracker.Dashboard;

/// <summary>
/// <c>/reference</c>: the contract (<c>/openapi/v1.json</c>) as an API reference to read and try, offline. Scalar's
/// standalone script comes embedded (gzipped) in Scalar.AspNetCore, so it is pinned like any package and served from
/// this server, never a CDN. Only the script is used: Scalar's own page configures it with an inline script, which the
/// Content-Security-Policy forbids, so our page (reference.html) starts it from js/reference.js instead.
/// </summary>
public static class ApiReference
{
    public const string Page = "/reference";
    public const string Script = "/vendor/scalar/scalar.js";

    private const string ScriptResource = "ScalarStaticAssets.scalar.js";

    public static void MapApiReference(this WebApplication app)
    {
        app.MapFallbackToFile(Page, "reference.html");
        app.MapGet(Script, ServeScript).ExcludeFromDescription();
    }

    private static IResult ServeScript(HttpContext context)
    {
        var package = typeof(ScalarOptions).Assembly;
        var gzipped = package.GetManifestResourceStream(ScriptResource)
            ?? throw new InvalidOperationException($"{package.GetName().Name} no longer embeds {ScriptResource}: see {nameof(ApiReference)}.");
        // A strong ETag names the bytes: the gzip body and the plain one have tags of their own.
        var tag = $"scalar-{package.GetName().Version}";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers.Vary = "Accept-Encoding";
        if (!AcceptsGzip(context.Request))
            return Results.Stream(new GZipStream(gzipped, CompressionMode.Decompress), "text/javascript", entityTag: new EntityTagHeaderValue($"\"{tag}\""));
        context.Response.Headers.ContentEncoding = "gzip";
        return Results.Stream(gzipped, "text/javascript", entityTag: new EntityTagHeaderValue($"\"{tag}-gzip\""));
    }

    private static bool AcceptsGzip(HttpRequest request) =>
        request.GetTypedHeaders().AcceptEncoding.Any(encoding =>
            encoding.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase) && encoding.Quality is not 0);
}

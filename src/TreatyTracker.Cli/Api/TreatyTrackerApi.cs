using System.Text.Json;
using System.Text.Json.Serialization;

namespace TreatyTracker.Cli.Api;

/// <summary>What the generated client leaves to us: the API's JSON, and sending an import file as it is.</summary>
public partial class TreatyTrackerApi
{
    private HttpContent? _file;

    /// <summary>The API's JSON: enum values kebab-case (in-force), nulls left out of request bodies.</summary>
    public static JsonSerializerOptions Json { get; } = Configured(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings) => Configured(settings);

    private static JsonSerializerOptions Configured(JsonSerializerOptions settings)
    {
        settings.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        settings.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        return settings;
    }

    /// <summary>
    /// POST /api/import with a file's own bytes (JSON or CSV), so that a refusal names the lines of the file. The generated
    /// operation sends JSON rows only; this sends the file in their place and reads the answer as that operation does.
    /// </summary>
    public async Task<ImportResult> ImportFileAsync(HttpContent file, CancellationToken cancellation)
    {
        _file = file;
        try { return await ImportAsync([], cancellationToken: cancellation); }
        finally { _file = null; }
    }

    partial void PrepareRequest(HttpClient client, HttpRequestMessage request, string url)
    {
        if (_file is not null) request.Content = _file;
    }
}

using System.Text.Json.Nodes;
using NJsonSchema.CodeGeneration.CSharp;
using NSwag;
using NSwag.CodeGeneration.CSharp;
using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Cli;

/// <summary>
/// The CLI's client, <c>src/TreatyTracker.Cli/Api/TreatyTrackerApi.g.cs</c>, is NSwag's output for the committed OpenAPI
/// document, so that a change to the contract is a reviewed change to the client too. To accept one, run this test with
/// <c>TREATYTRACKER_WRITE_CLIENT=1</c>: the file is rewritten from the document.
/// </summary>
public class the_generated_client
{
    private static readonly string Document = Path.Combine(RepositoryRoot.Path, "tests", "TreatyTracker.Tests", "Http", "openapi.v1.json");
    private static readonly string Committed = Path.Combine(RepositoryRoot.Path, "src", "TreatyTracker.Cli", "Api", "TreatyTrackerApi.g.cs");

    [Fact]
    public async Task is_generated_from_the_committed_openapi_document()
    {
        var generated = await GenerateAsync(await File.ReadAllTextAsync(Document, TestContext.Current.CancellationToken));
        if (Environment.GetEnvironmentVariable("TREATYTRACKER_WRITE_CLIENT") == "1") await File.WriteAllTextAsync(Committed, generated, TestContext.Current.CancellationToken);

        Assert.True(File.Exists(Committed), $"No generated client at {Committed}: run with TREATYTRACKER_WRITE_CLIENT=1.");
        Assert.True(generated == await File.ReadAllTextAsync(Committed, TestContext.Current.CancellationToken),
            "src/TreatyTracker.Cli/Api/TreatyTrackerApi.g.cs is not what the committed OpenAPI document generates. Rewrite it with " +
            "TREATYTRACKER_WRITE_CLIENT=1 and review its diff.");
    }

    private static async Task<string> GenerateAsync(string json)
    {
        var document = JsonNode.Parse(json)!;
        foreach (var (path, operations) in document["paths"]!.AsObject().ToList())
            if (Streams(operations!)) document["paths"]!.AsObject().Remove(path);
        NullableAsNJsonSchemaReadsIt(document);
        foreach (var (name, schema) in document["components"]!["schemas"]!.AsObject().ToList()) SubtypesAsNJsonSchemaReadsThem(name, schema!.AsObject(), document);
        var settings = new CSharpClientGeneratorSettings
        {
            ClassName = "TreatyTrackerApi",
            UseBaseUrl = false,
            GenerateOptionalParameters = true,
            ParameterDateTimeFormat = "o",
            CSharpGeneratorSettings =
            {
                Namespace = "TreatyTracker.Cli.Api", JsonLibrary = CSharpJsonLibrary.SystemTextJson, GenerateNullableReferenceTypes = true,
                DateType = "System.DateOnly", DateTimeType = "System.DateTimeOffset"
            },
        };
        var code = new CSharpClientGenerator(await OpenApiDocument.FromJsonAsync(document.ToJsonString()), settings).GenerateFile();
        return code.ReplaceLineEndings("\n");
    }

    /// <summary>A path that only streams (Server-Sent Events) has no answer to wait for: a request-and-answer client leaves it out.</summary>
    public static bool Streams(JsonNode operations) =>
        operations.AsObject().All(o => o.Value?["responses"]?["200"]?["content"]?.AsObject().Select(c => c.Key).SequenceEqual(["text/event-stream"]) == true);

    /// <summary>
    /// A discriminated choice (<c>anyOf</c> of schemas and a <c>discriminator</c>, as of a treaty event) becomes a base type and
    /// its subtypes, as NJsonSchema generates classes for: the fields that every choice has alike move to the base, and
    /// each choice extends it (<c>allOf</c>) with its own.
    /// </summary>
    private static void SubtypesAsNJsonSchemaReadsThem(string name, JsonObject schema, JsonNode document)
    {
        if (schema["discriminator"]?["mapping"] is not JsonObject mapping || schema["anyOf"] is null) return;
        var discriminator = schema["discriminator"]!["propertyName"]!.GetValue<string>();
        var choices = mapping.Select(m => document["components"]!["schemas"]![m.Value!.GetValue<string>().Split('/')[^1]]!.AsObject()).ToList();
        var common = choices[0]["properties"]!.AsObject()
            .Where(p => p.Key != discriminator && choices.All(c => c["properties"]?[p.Key] is { } same && JsonNode.DeepEquals(same, p.Value)))
            .Select(p => p.Key).ToList();
        schema.Remove("anyOf");
        schema.Remove("required");
        schema["properties"] = new JsonObject(common.Select(p => KeyValuePair.Create(p, choices[0]["properties"]![p]?.DeepClone())));
        foreach (var choice in choices)
        {
            var own = new JsonObject();
            foreach (var (key, value) in choice.ToList())
            {
                choice.Remove(key);
                own[key] = value;
            }
            foreach (var field in common.Append(discriminator)) own["properties"]!.AsObject().Remove(field);
            if (own["required"] is JsonArray required)
                foreach (var field in required.Where(r => common.Contains(r!.GetValue<string>()) || r!.GetValue<string>() == discriminator).ToList()) required.Remove(field);
            choice["allOf"] = new JsonArray(new JsonObject { ["$ref"] = "#/components/schemas/" + name }, own);
        }
    }

    /// <summary>
    /// OpenAPI 3.1 says "this, or null" as <c>oneOf: [{type: null}, X]</c>, which NJsonSchema reads as an anonymous class of its
    /// own; the 3.0 form it reads, <c>allOf: [X], nullable: true</c>, gives the property X's type, nullable.
    /// </summary>
    private static void NullableAsNJsonSchemaReadsIt(JsonNode? node)
    {
        if (node is JsonArray array)
            foreach (var item in array) NullableAsNJsonSchemaReadsIt(item);
        if (node is not JsonObject schema) return;
        if (schema["oneOf"] is JsonArray { Count: 2 } choices && choices.SingleOrDefault(c => c?["type"]?.ToString() == "null") is { } none)
        {
            var other = choices.Single(c => c != none)!.DeepClone();
            schema.Remove("oneOf");
            schema["allOf"] = new JsonArray(other);
            schema["nullable"] = true;
        }
        foreach (var (_, value) in schema.ToList()) NullableAsNJsonSchemaReadsIt(value);
    }
}

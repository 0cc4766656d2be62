using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace TreatyTracker.Http.OpenApi;

/// <summary>
/// Schemas as the API's JSON reads them: a property that may be null may be left out (the generator requires every
/// constructor parameter), and a type that keeps unknown fields for itself (<c>[JsonExtensionData]</c>, an import row's
/// treaty terms) takes fields beyond its properties; a period is the ISO-8601 string its converter writes.
/// </summary>
public static class RequestSchemas
{
    public static Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellation)
    {
        var type = context.JsonTypeInfo;
        if (type.Type == typeof(Treaties.IsoPeriod))
        {
            schema.Type = JsonSchemaType.String;
            schema.Pattern = "^P(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?$";
            schema.Description = "An ISO-8601 period such as P6M or P1Y6M.";
            return Task.CompletedTask;
        }
        if (type.Kind != JsonTypeInfoKind.Object) return Task.CompletedTask;

        foreach (var property in type.Properties)
            if (property.IsGetNullable || Nullable.GetUnderlyingType(property.PropertyType) is not null)
                schema.Required?.Remove(property.Name);
        if (type.Properties.Any(p => p.IsExtensionData))
        {
            schema.AdditionalPropertiesAllowed = true;
            schema.AdditionalProperties = new OpenApiSchema
            {
                Description = "Fields the type reads itself: on a treaty-registered import row, the treaty's terms (" +
                              string.Join(", ", Exchange.ExchangeColumns.TermsFields.Where(f => f != "kind")) + ")."
            };
        }
        return Task.CompletedTask;
    }
}

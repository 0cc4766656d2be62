using System.Buffers;
using System.Data.Common;
using Marten;
using Npgsql;
using Weasel.Core;
using ISerializer = Marten.ISerializer;

namespace TreatyTracker.Store;

/// <summary>
/// Marten's serializer, except that a JSON column is deserialized synchronously once its value is fetched.
/// Marten reads every event and document through <c>JsonSerializer.DeserializeAsync</c>, whose resumable path
/// costs several times the synchronous one for a value of a few hundred bytes that is already in memory; a write
/// reads its treaty's whole stream (about 100 events), and deserializing them that way was about a tenth of its
/// server time (alternating runs: one event at 1 client 179/s → 198/s).
/// </summary>
public sealed class BufferedJsonReads(ISerializer inner) : ISerializer
{
    public async ValueTask<T> FromJsonAsync<T>(DbDataReader reader, int index, CancellationToken cancellationToken = default)
    {
        await using var stream = await reader.GetFieldValueAsync<Stream>(index, cancellationToken);
        return inner.FromJson<T>(stream);
    }

    public async ValueTask<object> FromJsonAsync(Type type, DbDataReader reader, int index, CancellationToken cancellationToken = default)
    {
        await using var stream = await reader.GetFieldValueAsync<Stream>(index, cancellationToken);
        return inner.FromJson(type, stream);
    }

    public EnumStorage EnumStorage => inner.EnumStorage;
    public Casing Casing => inner.Casing;
    public ValueCasting ValueCasting => inner.ValueCasting;
    public string ToJson(object? document) => inner.ToJson(document);
    public void WriteTo(IBufferWriter<byte> writer, object? value) => inner.WriteTo(writer, value);
    public string ToCleanJson(object? document) => inner.ToCleanJson(document);
    public void WriteToCleanJson(IBufferWriter<byte> writer, object? value) => inner.WriteToCleanJson(writer, value);
    public string ToJsonWithTypes(object document) => inner.ToJsonWithTypes(document);
    public void WriteToJsonWithTypes(IBufferWriter<byte> writer, object value) => inner.WriteToJsonWithTypes(writer, value);
    public void WriteToParameter(DbParameter parameter, object? value) => inner.WriteToParameter(parameter, value);
    public void WriteToParameter(NpgsqlParameter parameter, object? value) => inner.WriteToParameter(parameter, value);
    public T FromJson<T>(Stream stream) => inner.FromJson<T>(stream);
    public T FromJson<T>(DbDataReader reader, int index) => inner.FromJson<T>(reader, index);
    public object FromJson(Type type, Stream stream) => inner.FromJson(type, stream);
    public object FromJson(Type type, DbDataReader reader, int index) => inner.FromJson(type, reader, index);
    public ValueTask<T> FromJsonAsync<T>(Stream stream, CancellationToken cancellationToken = default) => inner.FromJsonAsync<T>(stream, cancellationToken);
    public ValueTask<object> FromJsonAsync(Type type, Stream stream, CancellationToken cancellationToken = default) => inner.FromJsonAsync(type, stream, cancellationToken);
}

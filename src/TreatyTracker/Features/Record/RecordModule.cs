using TreatyTracker.Store.ReadModels;

namespace TreatyTracker.Features.Record;

public static class RecordModule
{
    /// <summary>Every recorded event in the order it was recorded, for what is new since an instant.</summary>
    public static void AddRecordEntries(this WebApplicationBuilder builder) => builder.Services.AddReadModel<RecordEntryRows>();
}

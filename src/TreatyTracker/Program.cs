using JasperFx;
using TreatyTracker.Dashboard;
using TreatyTracker.Features.Allegations;
using TreatyTracker.Features.Deadlines;
using TreatyTracker.Features.Keys;
using TreatyTracker.Features.Links;
using TreatyTracker.Features.Periods;
using TreatyTracker.Features.Record;
using TreatyTracker.Features.States;
using TreatyTracker.Features.Status;
using TreatyTracker.Features.Webhooks;
using TreatyTracker.Hosting;
using TreatyTracker.Hosting.Live;
using TreatyTracker.Hosting.Seeding;
using TreatyTracker.Http;
using TreatyTracker.Store;

args = StartupLog.WithoutVerbose(args, out var verbose);
var builder = WebApplication.CreateBuilder(args);
StartupLog.Apply(builder, args, verbose);
if (await InstanceMode.ResolveAsync(builder) is not { } mode) return 1;

builder.AddHttpEdge(mode);
builder.AddTreatyStore(mode);
builder.AddMessaging(mode);
builder.AddKeys();
builder.AddStatus();
builder.AddStates();
builder.AddPeriods();
builder.AddLinks();
builder.AddAllegations();
builder.AddRecordEntries();
builder.AddDeadlines(mode);
builder.AddWebhooks();
builder.AddLiveFeed(mode);
builder.AddSeeding(mode);

var app = builder.Build();
app.UseHttpEdge(mode);
app.MapDashboard();
app.MapApi();

return await app.RunJasperFxCommands(args);

public partial class Program;

using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fortunes;
using Microsoft.EntityFrameworkCore;

var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);

// A fresh database file per start, filled with the twelve rows the TechEmpower spec prescribes.
var dataPath = builder.Configuration["Fortunes:DataPath"] ?? Path.Combine(Path.GetTempPath(), $"fortunes-{Environment.ProcessId}");
Directory.CreateDirectory(dataPath);
var connectionString = $"Data Source={Path.Combine(dataPath, "fortunes.db")};Cache=Shared;Pooling=True";

builder.Services.AddDbContextPool<FortuneDb>(o => o
    .UseSqlite(connectionString)
    .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking));
builder.Services.AddControllersWithViews();
// As in the TechEmpower ASP.NET Core entries: Razor leaves non-Latin text (the Japanese row)
// as characters instead of numeric entities; markup characters are still escaped.
builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

var app = builder.Build();
using (var scope = app.Services.CreateScope())
{
    var db = scope.ServiceProvider.GetRequiredService<FortuneDb>();
    await db.Database.EnsureDeletedAsync();
    await db.Database.EnsureCreatedAsync();
    db.Fortunes.AddRange(FortuneDb.SeedRows());
    await db.SaveChangesAsync();
}

app.MapGet("/plaintext", () => "Hello, World!");
app.MapControllers();
await app.RunAsync();

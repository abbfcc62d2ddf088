using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Application.PersonalData;
using Palopo.Portal.Domain.Users;

namespace Palopo.Portal.Web.Controllers;

/// <summary>What /data-saya shows: the consent given at registration and a page of the access log.</summary>
public sealed record MyDataPage(MyDataAccount Account, MyDataAccessPage Access);

/// <summary>
/// "My data" (UU PDP): who at which agency opened the citizen's requests and documents, the
/// consent they gave, their rights, and a download of everything the portal holds about them.
/// Citizens only; everything is keyed by the signed-in citizen's id. Never cached.
/// </summary>
[Authorize(Roles = Roles.Citizen)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class MyDataController(
    IMyDataAccounts accounts, MyDataAccessLog accessLog, MyDataExport export, TimeProvider clock, ICurrentUser currentUser) : Controller
{
    private static readonly JsonSerializerOptions ExportJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(), new UtcDateTimeConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // a download, not markup: keep names readable
    };

    private Guid UserId => currentUser.Id!.Value;

    [HttpGet("/data-saya")]
    public async Task<IActionResult> Index([FromQuery(Name = "halaman")] int page, CancellationToken ct)
    {
        var account = await accounts.FindAsync(UserId, ct);
        if (account is null)
            return NotFound();
        return View(new MyDataPage(account, await accessLog.ListAsync(UserId, page < 1 ? 1 : page, ct)));
    }

    [HttpGet("/data-saya/unduh")]
    public async Task<IActionResult> Download(CancellationToken ct)
    {
        var file = await export.BuildAsync(UserId, ct);
        if (file is null)
            return NotFound();

        var name = string.Create(CultureInfo.InvariantCulture, $"data-saya-{PalopoTime.Today(clock):yyyyMMdd}.json");
        Response.Headers[HeaderNames.ContentDisposition] = $"attachment; filename=\"{name}\"";
        Response.Headers[HeaderNames.CacheControl] = "no-store";
        Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        return File(JsonSerializer.SerializeToUtf8Bytes(file, ExportJson), "application/json");
    }

    /// <summary>Every stored time is UTC; some providers read it back unmarked, so the file always says so ("…Z").</summary>
    private sealed class UtcDateTimeConverter : JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetDateTime().ToUniversalTime();

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
            writer.WriteStringValue(DateTime.SpecifyKind(value, DateTimeKind.Utc));
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Application.PersonalData;
using Microsoft.Extensions.Localization;
using Palopo.Portal.Domain.PersonalData;
using Palopo.Portal.Domain.Users;
using Palopo.Portal.Web.Framework;

namespace Palopo.Portal.Web.Controllers;

/// <summary>What /data-saya shows: the consent given, a page of the access log, the rights requests and the form to file one.</summary>
public sealed record MyDataPage(MyDataAccount Account, MyDataAccessPage Access)
{
    public IReadOnlyList<RightsRequestView> Rights { get; init; } = [];

    public string CurrentNoticeVersion { get; init; } = "";

    public RightsRequestKind? Kind { get; init; }

    public string? Details { get; init; }
}

/// <summary>The consent page: the version in force and where to go after accepting.</summary>
public sealed record ConsentPage(string Version, string? AcceptedVersion, string? ReturnUrl);

/// <summary>
/// "My data" (UU PDP): who at which agency opened the citizen's requests and documents, the
/// consent they gave, their rights, and a download of everything the portal holds about them.
/// Citizens only; everything is keyed by the signed-in citizen's id. Never cached.
/// </summary>
[Authorize(Roles = Roles.Citizen)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class MyDataController(
    IMyDataAccounts accounts, MyDataAccessLog accessLog, MyDataExport export, TimeProvider clock, ICurrentUser currentUser,
    FileRightsRequest fileRights, MyRightsRequests myRights, MyDocumentsArchive documents, PrivacyConsent consent,
    IStringLocalizer<SharedResource> t) : Controller
{
    public const string ConsentPath = "/data-saya/persetujuan";

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
        return View(await PageAsync(account, page, null, null, ct));
    }

    [HttpPost("/data-saya/hak")]
    public async Task<IActionResult> FileRights([FromForm] RightsRequestKind? kind, [FromForm] string? details, CancellationToken ct)
    {
        var account = await accounts.FindAsync(UserId, ct);
        if (account is null)
            return NotFound();
        var result = await fileRights.HandleAsync(UserId, account.FullName, new FileRightsRequestCommand(kind, details), ct);
        if (result.Outcome == FileRightsOutcome.Filed)
        {
            TempData[TempKeys.Status] = t["MyData.Rights.Filed"].Value;
            return Redirect("/data-saya/hak/" + result.Id!.Value.ToString("D"));
        }

        foreach (var (field, key) in result.Errors)
            ModelState.AddModelError(field, t[key]);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(nameof(Index), await PageAsync(account, 1, kind, details, ct));
    }

    [HttpGet("/data-saya/hak/{id:guid}")]
    public async Task<IActionResult> Rights(Guid id, CancellationToken ct)
    {
        var request = await myRights.FindAsync(UserId, id, ct);
        return request is null ? NotFound() : View(request);
    }

    /// <summary>The citizen's uploaded documents as one zip (streamed from a temporary file).</summary>
    [HttpGet("/data-saya/dokumen")]
    public async Task<IActionResult> Documents(CancellationToken ct)
    {
        var zip = await documents.BuildAsync(UserId, ct);
        if (zip is null)
        {
            TempData[TempKeys.Status] = t["MyData.Documents.None"].Value;
            return Redirect("/data-saya#documents");
        }

        var name = string.Create(CultureInfo.InvariantCulture, $"dokumen-saya-{PalopoTime.Today(clock):yyyyMMdd}.zip");
        Response.Headers[HeaderNames.CacheControl] = "no-store";
        Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        return File(zip, "application/zip", name);
    }

    [HttpGet(ConsentPath)]
    public async Task<IActionResult> Consent([FromQuery(Name = "kembali")] string? returnUrl, CancellationToken ct)
    {
        var account = await accounts.FindAsync(UserId, ct);
        if (account is null)
            return NotFound();
        return View(new ConsentPage(consent.CurrentVersion, account.PrivacyNoticeVersion, LocalOnly(returnUrl)));
    }

    [HttpPost(ConsentPath)]
    public async Task<IActionResult> Accept([FromForm(Name = "kembali")] string? returnUrl, [FromForm(Name = "setuju")] bool agreed, CancellationToken ct)
    {
        var account = await accounts.FindAsync(UserId, ct);
        if (account is null)
            return NotFound();
        if (!agreed)
        {
            ModelState.AddModelError("setuju", t["MyData.Consent.MustAgree"]);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(nameof(Consent), new ConsentPage(consent.CurrentVersion, account.PrivacyNoticeVersion, LocalOnly(returnUrl)));
        }

        await consent.AcceptAsync(UserId, account.FullName, ct);
        TempData[TempKeys.Status] = t["MyData.Consent.Accepted", consent.CurrentVersion].Value;
        return Redirect(LocalOnly(returnUrl) ?? "/data-saya#consent");
    }

    private async Task<MyDataPage> PageAsync(MyDataAccount account, int page, RightsRequestKind? kind, string? details, CancellationToken ct) =>
        new(account, await accessLog.ListAsync(UserId, page < 1 ? 1 : page, ct))
        {
            Rights = await myRights.ListAsync(UserId, ct),
            CurrentNoticeVersion = consent.CurrentVersion,
            Kind = kind,
            Details = details,
        };

    /// <summary>Only a path on this site ("/…", not "//…"): the return address must not send anyone elsewhere.</summary>
    private string? LocalOnly(string? url) => !string.IsNullOrEmpty(url) && Url.IsLocalUrl(url) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : null;

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

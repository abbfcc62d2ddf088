using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Application.Officer.Queues;
using Palopo.Portal.Application.Regions;
using Palopo.Portal.Application.Staff;
using Palopo.Portal.Web.Areas.Officer.Models;
using Palopo.Portal.Web.Framework;

namespace Palopo.Portal.Web.Areas.Officer.Controllers;

/// <summary>
/// The officer's workspace (/petugas: counts per service and workflow step) and the agency's queue
/// (/petugas/antrian: filters, search by reference number, keyset paging). Only requests of the
/// officer's own agency ever appear. GET only: plain links and a GET form, no JavaScript needed.
/// </summary>
[Area("Officer")]
[Authorize(Policy = Policies.Officer)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class QueueController(
    IStaffContext staffContext,
    GetQueueOverview overview,
    ListQueue queue,
    IPortalDbContext db,
    KelurahanDirectory kelurahan,
    QueueBodyCache bodies,
    IMemoryCache cache) : Controller
{
    private static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    [HttpGet("/petugas")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var officer = await staffContext.CurrentAsync(ct);
        if (officer?.AgencyId is not { } agencyId)
            return NotFound();
        return View(new QueueOverviewPage
        {
            Overview = await overview.HandleAsync(officer, ct),
            AgencyName = await AgencyNameAsync(agencyId, ct),
            Language = Language,
        });
    }

    [HttpGet("/petugas/antrian")]
    public async Task<IActionResult> List(QueueQuery query, CancellationToken ct)
    {
        var officer = await staffContext.CurrentAsync(ct);
        if (officer?.AgencyId is not { } agencyId)
            return NotFound();

        // The queue as officers open it is the same for the whole agency: rendered once per change.
        BodySlot? slot = null;
        if (!Request.QueryString.HasValue)
        {
            slot = bodies.SlotFor(agencyId);
            if (bodies.TryGet(slot, out var body))
                return View("ListKept", body);
        }

        var services = await queue.ServicesAsync(officer, ct);
        var places = await KelurahanAsync(ct);
        var (filter, invalid) = query.ToFilter(services, places.Select(k => k.Code).ToHashSet(StringComparer.Ordinal));
        var page = await queue.HandleAsync(officer, services, filter, ct);
        return View(new QueueListPage
        {
            Query = query,
            Filter = filter,
            Page = page,
            Services = services,
            Kelurahan = places,
            AgencyName = await AgencyNameAsync(agencyId, ct),
            Language = Language,
            HadInvalidFilter = invalid,
            KeepIn = slot,
        });
    }

    // Reference data that changes a few times a year: read once, kept for ten minutes, so the
    // queue page's SQL stays the same few statements.
    private Task<IReadOnlyList<KelurahanOption>> KelurahanAsync(CancellationToken ct) =>
        cache.GetOrCreateAsync("officer-queue:kelurahan", async e =>
        {
            e.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10);
            return await kelurahan.ListAsync(ct);
        })!;

    private async Task<string> AgencyNameAsync(Guid agencyId, CancellationToken ct)
    {
        var names = await cache.GetOrCreateAsync("officer-queue:agency:" + agencyId, async e =>
        {
            e.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10);
            return await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId)
                .Select(a => new[] { a.Name, a.NameEn }).FirstOrDefaultAsync(ct) ?? ["", ""];
        });
        return Language == "en" && names![1].Length > 0 ? names[1] : names![0];
    }
}

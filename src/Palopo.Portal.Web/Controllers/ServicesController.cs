using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using Palopo.Portal.Application.Catalogue;
using Palopo.Portal.Web.Framework;
using Palopo.Portal.Web.Models.Catalogue;

namespace Palopo.Portal.Web.Controllers;

/// <summary>The public service catalogue: browse, search, and each service's page. No account needed.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = CatalogueOutputCache.PolicyName)]
public sealed class ServicesController(SearchCatalogue search, GetServiceDetails details, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("/layanan")]
    public async Task<IActionResult> Index(string? q, string? kelompok, CancellationToken ct)
    {
        var query = SearchCatalogue.Normalize(q);
        var entries = await search.HandleAsync(query, ct);
        var model = CatalogueListModel.Create(
            query,
            CatalogueListModel.ParseGrouping(kelompok),
            entries,
            CatalogueFormat.Language,
            lifeEvent => t[$"Catalogue.LifeEvent.{lifeEvent}"]);
        return View(model);
    }

    [HttpGet("/layanan/{slug}")]
    public async Task<IActionResult> Details(string slug, CancellationToken ct)
    {
        // Slugs are lower case; "/layanan/Akta-Kelahiran" finds the same page on every database.
        var canonical = slug.ToLowerInvariant();
        var service = await details.HandleAsync(canonical, ct);
        if (service is null)
            return NotFound();
        if (!string.Equals(slug, canonical, StringComparison.Ordinal))
            return RedirectPermanent($"/layanan/{service.Slug}");
        return View(service);
    }
}

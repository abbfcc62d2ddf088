using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Palopo.Portal.Domain.Common;
using Palopo.Portal.Domain.Services;
using Palopo.Portal.Infrastructure.Persistence;
using Palopo.Portal.Web.Models.Catalogue;
using Palopo.Portal.Web.Tests.Support;

namespace Palopo.Portal.Web.Tests.Catalogue;

/// <summary>The public catalogue: /layanan (browse, group, search) and /layanan/{slug}, without an account.</summary>
public abstract class CatalogueTests(PortalFixture portal) : PortalTests(portal)
{
    private const string CatalogueUrl = "/layanan";
    private const string BirthCertificate = "akta-kelahiran";
    private const string BirthCertificateUrl = "/layanan/akta-kelahiran";

    [PortalFact]
    public async Task Catalogue_lists_the_birth_certificate_under_Disdukcapil_as_free_with_its_service_time()
    {
        var page = await NewClient().GetPageAsync(CatalogueUrl);

        Assert.Equal("id", page.Language);
        Assert.Equal(T.Id("Catalogue.Title"), page.Heading);
        var disdukcapil = Group(page, "instansi-disdukcapil");
        Assert.Contains("Disdukcapil", Collapse(disdukcapil.QuerySelector("h2")!.TextContent), StringComparison.Ordinal);
        var item = ServiceItem(disdukcapil, BirthCertificate);
        Assert.Equal("Akta Kelahiran", Collapse(item.QuerySelector("h3")!.TextContent));
        Assert.Equal(T.Id("Catalogue.Free"), Collapse(item.QuerySelector(".fee")!.TextContent).Replace(T.Id("Catalogue.Fee") + ": ", "", StringComparison.Ordinal));
        Assert.Equal("Gratis", T.Id("Catalogue.Free"));
        Assert.Contains("5 hari kerja", Collapse(item.QuerySelector(".service-facts")!.TextContent), StringComparison.Ordinal);
        Assert.Contains(T.Id("Catalogue.Count", await CountActiveServicesAsync()), page.Text("#result-count"), StringComparison.Ordinal);
    }

    [PortalFact]
    public async Task Catalogue_lists_every_active_service_once_and_counts_them()
    {
        var page = await NewClient().GetPageAsync(CatalogueUrl);

        var listed = page.Document.QuerySelectorAll(".service-item h3 a").Select(a => a.GetAttribute("href")).ToList();
        var active = await InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().Services
            .Where(s => s.IsActive).Select(s => "/layanan/" + s.Slug).ToListAsync());
        Assert.Equal(active.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [PortalFact]
    public async Task Catalogue_is_in_English_after_the_language_switch()
    {
        var page = await NewClient().GetPageAsync(CatalogueUrl + "?culture=en");

        Assert.Equal("en", page.Language);
        Assert.Equal(T.En("Catalogue.Title"), page.Heading);
        var item = ServiceItem(Group(page, "instansi-disdukcapil"), BirthCertificate);
        Assert.Equal("Birth Certificate", Collapse(item.QuerySelector("h3")!.TextContent));
        Assert.Contains("Population and Civil Registration Agency", page.Text("#instansi-disdukcapil h2"), StringComparison.Ordinal);
        Assert.Contains("Free", Collapse(item.QuerySelector(".service-facts")!.TextContent), StringComparison.Ordinal);
        Assert.Contains("5 working days", Collapse(item.QuerySelector(".service-facts")!.TextContent), StringComparison.Ordinal);
    }

    [PortalTheory]
    [InlineData("akta", "id")]
    [InlineData("AKTA", "id")]
    [InlineData("  akta    kelahiran ", "id")]
    [InlineData("kelahiran akta", "id")]   // every word, in any order
    [InlineData("birth", "id")]            // English words find services on the Indonesian page too
    [InlineData("birth", "en")]
    [InlineData("Birth Certificate", "en")]
    [InlineData("disdukcapil", "id")]      // the agency's short name
    [InlineData("pencatatan sipil", "id")] // the agency's name
    [InlineData("civil registration", "en")]
    public async Task Search_finds_the_birth_certificate(string query, string culture)
    {
        var page = await NewClient().GetPageAsync($"{CatalogueUrl}?q={Uri.EscapeDataString(query)}&culture={culture}");

        Assert.Contains(Links(page), href => href == BirthCertificateUrl);
        var normalized = string.Join(' ', query.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(normalized, page.FieldValue("q"));
        Assert.Contains($"“{normalized}”", page.Text("#result-count"), StringComparison.Ordinal);
        Assert.False(page.Has("#no-results"));
    }

    [PortalFact]
    public async Task Search_narrows_the_list_to_the_matching_services()
    {
        var all = Links(await NewClient().GetPageAsync(CatalogueUrl));

        var found = Links(await NewClient().GetPageAsync(CatalogueUrl + "?q=akta+kelahiran"));

        Assert.Contains(BirthCertificateUrl, found);
        Assert.True(found.Count <= all.Count);
        Assert.All(found, href => Assert.Contains(href, all));
    }

    [PortalTheory]
    [InlineData("id")]
    [InlineData("en")]
    public async Task Search_for_nonsense_says_nothing_matched_and_suggests_other_words(string culture)
    {
        const string nonsense = "qwzx blorptang";

        var page = await NewClient().GetPageAsync($"{CatalogueUrl}?q={Uri.EscapeDataString(nonsense)}&culture={culture}");

        Assert.Empty(Links(page));
        Assert.Equal(T.In(culture, "Catalogue.NoResultsTitle", nonsense), page.Text("#no-results h2"));
        Assert.Contains(T.In(culture, "Catalogue.NoResultsText"), page.Text("#no-results"), StringComparison.Ordinal);
        Assert.Equal(CatalogueUrl, page.Document.QuerySelector("#no-results a")?.GetAttribute("href"));
        Assert.False(page.Has("#result-count"));
    }

    [PortalFact]
    public async Task Html_in_the_search_words_is_shown_as_text_never_run()
    {
        const string attack = "<script>alert('xss')</script><img src=x onerror=alert(1)>";

        var page = await NewClient().GetPageAsync(CatalogueUrl + "?q=" + Uri.EscapeDataString(attack));

        Assert.DoesNotContain("<script>alert", page.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=x", page.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", page.Html, StringComparison.Ordinal);
        Assert.Empty(page.Document.QuerySelectorAll("main script, main img"));
        Assert.Equal(attack, page.FieldValue("q"));
        Assert.Equal(T.Id("Catalogue.NoResultsTitle", attack), page.Text("#no-results h2"));
        Assert.Equal(T.Id("Catalogue.ResultsTitle", attack) + " – " + T.Id("Site.ShortName"), page.Document.Title);
    }

    [PortalFact]
    public async Task Search_words_are_cut_to_100_characters()
    {
        var page = await NewClient().GetPageAsync(CatalogueUrl + "?q=" + new string('a', 300));

        Assert.Equal(new string('a', 100), page.FieldValue("q"));
        Assert.Equal("100", page.Document.QuerySelector("input[name=q]")?.GetAttribute("maxlength"));
    }

    [PortalFact]
    public async Task Catalogue_groups_by_life_event_and_keeps_the_search_when_switching()
    {
        var client = NewClient();

        var page = await client.GetPageAsync(CatalogueUrl + "?kelompok=peristiwa");

        var birth = Group(page, "peristiwa-birthandchildren");
        Assert.StartsWith(T.Id("Catalogue.LifeEvent.BirthAndChildren"), Collapse(birth.QuerySelector("h2")!.TextContent), StringComparison.Ordinal);
        var item = ServiceItem(birth, BirthCertificate);
        Assert.Contains("Disdukcapil", Collapse(item.QuerySelector(".service-facts")!.TextContent), StringComparison.Ordinal);
        Assert.False(page.Has("#instansi-disdukcapil"));
        Assert.Equal(T.Id("Catalogue.ByLifeEvent"), page.Text(".group-switch a[aria-current=page]"));

        var english = await client.GetPageAsync(CatalogueUrl + "?kelompok=peristiwa&culture=en");
        Assert.StartsWith("Birth and children", english.Text("#peristiwa-birthandchildren h2"), StringComparison.Ordinal);

        var search = await client.GetPageAsync(CatalogueUrl + "?q=akta&kelompok=peristiwa");
        Assert.Equal("peristiwa", search.Document.QuerySelector("form[role=search] input[name=kelompok]")?.GetAttribute("value"));
        var switchBack = search.Document.QuerySelectorAll(".group-switch a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/layanan?q=akta", "/layanan?q=akta&kelompok=peristiwa"], switchBack);
    }

    [PortalFact]
    public async Task Service_page_shows_requirements_documents_fee_time_agency_steps_and_the_apply_link()
    {
        var (requirements, documents, steps) = await BirthCertificateFromDatabaseAsync();

        var page = await NewClient().GetPageAsync(BirthCertificateUrl);

        Assert.Equal("Akta Kelahiran", page.Heading);
        Assert.Equal("Gratis", page.Text("#service-fee"));
        Assert.Equal("5 hari kerja", page.Text("#service-time"));
        Assert.Equal(T.Id("Catalogue.ServiceDaysDefault"), page.Text("#service-time-default"));
        Assert.Equal("Dinas Kependudukan dan Pencatatan Sipil (Disdukcapil)", page.Text("#service-agency"));
        Assert.Equal(T.Id("Service.PalopoOnly"), page.Text("#residency"));

        var shownRequirements = page.Document.QuerySelectorAll("#requirement-list li").Select(li => Collapse(li.TextContent)).ToList();
        Assert.Equal(requirements.Id.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), shownRequirements);
        Assert.Contains("Surat keterangan lahir dari dokter, bidan, atau rumah sakit", shownRequirements);

        var shownDocuments = page.Document.QuerySelectorAll("#document-list li").Select(li => Collapse(li.TextContent)).ToList();
        Assert.Equal(documents.Count, shownDocuments.Count);
        Assert.NotEmpty(documents);
        foreach (var (document, shown) in documents.Zip(shownDocuments))
        {
            Assert.StartsWith(document.Label.Id, shown, StringComparison.Ordinal);
            var megabytes = (document.MaxSizeBytes / (1024m * 1024m)).ToString("0.#", CultureInfo.GetCultureInfo("id"));
            Assert.Contains($"paling besar {megabytes} MB", shown, StringComparison.Ordinal);
            Assert.Contains("PDF", shown, StringComparison.Ordinal);
            Assert.Equal(!document.Required, shown.Contains(T.Id("Common.Optional"), StringComparison.Ordinal));
        }

        Assert.Contains("Surat keterangan lahir PDF, JPEG, PNG; paling besar 2 MB", shownDocuments[0], StringComparison.Ordinal);

        var shownSteps = page.Document.QuerySelectorAll("#workflow-steps li").Select(li => Collapse(li.TextContent)).ToList();
        Assert.Equal(steps.Select(s => s.Id), shownSteps.Skip(1).Take(steps.Count));

        var apply = page.Document.QuerySelector("#apply-link");
        Assert.NotNull(apply);
        Assert.Equal("/layanan/akta-kelahiran/ajukan", apply.GetAttribute("href"));
        Assert.StartsWith("Ajukan permohonan", Collapse(apply.TextContent), StringComparison.Ordinal);
        Assert.Contains(T.Id("Service.SignInNeeded"), page.Text("#sign-in-hint"), StringComparison.Ordinal);
    }

    [PortalFact]
    public async Task Service_page_is_in_English_after_the_language_switch()
    {
        var page = await NewClient().GetPageAsync(BirthCertificateUrl + "?culture=en");

        Assert.Equal("en", page.Language);
        Assert.Equal("Birth Certificate", page.Heading);
        Assert.Equal("Free", page.Text("#service-fee"));
        Assert.Equal("5 working days", page.Text("#service-time"));
        Assert.Equal("Population and Civil Registration Agency (Disdukcapil)", page.Text("#service-agency"));
        Assert.Contains("Birth notice from the doctor, midwife or hospital", page.Text("#requirement-list"), StringComparison.Ordinal);
        Assert.Contains("at most 2 MB", page.Text("#document-list"), StringComparison.Ordinal);
        Assert.StartsWith(T.En("Service.Apply"), page.Text("#apply-link"), StringComparison.Ordinal);
    }

    [PortalFact]
    public async Task Signed_in_citizen_sees_the_apply_link_without_the_sign_in_hint()
    {
        var client = NewClient();
        await SignInAsync(client, "warga@palopo.test", Citizen.DemoPassword);

        var page = await client.GetPageAsync(BirthCertificateUrl);

        Assert.Equal("/layanan/akta-kelahiran/ajukan", page.Document.QuerySelector("#apply-link")?.GetAttribute("href"));
        Assert.False(page.Has("#sign-in-hint"));
    }

    [PortalTheory]
    [InlineData("/layanan/tidak-ada-layanan-ini")]
    [InlineData("/layanan/%3Cscript%3E")]
    [InlineData("/layanan/" + "abcdefghij-abcdefghij-abcdefghij-abcdefghij-abcdefghij-abcdefghij-abcdefghij-abcdefghij")]
    public async Task Unknown_service_gets_the_friendly_404_page(string url)
    {
        var page = await NewClient().GetPageAsync(url, HttpStatusCode.NotFound);

        Assert.Equal("id", page.Language);
        Assert.Equal(T.Id("Error.NotFoundTitle"), page.Heading);
        Assert.DoesNotContain("<script>", page.Html, StringComparison.Ordinal);
    }

    [PortalFact]
    public async Task Unknown_service_gets_the_404_page_in_English_after_the_language_switch()
    {
        var client = NewClient();
        await client.GetPageAsync(CatalogueUrl + "?culture=en"); // the switch remembers the language in a cookie

        var page = await client.GetPageAsync("/layanan/no-such-service", HttpStatusCode.NotFound);

        Assert.Equal("en", page.Language);
        Assert.Equal(T.En("Error.NotFoundTitle"), page.Heading);
    }

    [PortalFact]
    public async Task Retired_service_gets_404_and_is_not_listed()
    {
        var slug = await AddRetiredServiceAsync();

        var page = await NewClient().GetPageAsync("/layanan/" + slug, HttpStatusCode.NotFound);
        Assert.Equal(T.Id("Error.NotFoundTitle"), page.Heading);

        var list = await NewClient().GetPageAsync(CatalogueUrl + "?q=" + slug);
        Assert.DoesNotContain("/layanan/" + slug, Links(list));
        Assert.DoesNotContain("/layanan/" + slug, Links(await NewClient().GetPageAsync(CatalogueUrl)));
    }

    [PortalFact]
    public async Task Service_address_in_capitals_redirects_permanently_to_the_lower_case_one()
    {
        using var response = await NewClient().GetAsync("/layanan/Akta-Kelahiran");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(BirthCertificateUrl, Redirects.PathAndQuery(response.Headers.Location));
    }

    [PortalTheory]
    [InlineData(CatalogueUrl)]
    [InlineData(CatalogueUrl + "?q=akta")]
    [InlineData(CatalogueUrl + "?kelompok=peristiwa")]
    [InlineData(BirthCertificateUrl)]
    public async Task Catalogue_pages_are_open_without_signing_in(string url)
    {
        using var response = await NewClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [PortalFact]
    public void Fees_are_written_in_rupiah_the_Indonesian_way_in_both_languages_and_sizes_in_the_page_language()
    {
        var localizer = App.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            foreach (var culture in new[] { "id", "en" })
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
                Assert.Equal("Rp 50.000", CatalogueFormat.Fee(50_000m, localizer));
                Assert.Equal("Rp 1.250.000", CatalogueFormat.Fee(1_250_000m, localizer));
                Assert.Equal(T.In(culture, "Catalogue.Free"), CatalogueFormat.Fee(0m, localizer));
                Assert.Equal(T.In(culture, "Catalogue.ServiceDaysOne"), CatalogueFormat.ServiceTime(1, localizer));
                Assert.Equal(T.In(culture, "Catalogue.ServiceDays", 14), CatalogueFormat.ServiceTime(14, localizer));
                Assert.Equal("2", CatalogueFormat.Megabytes(2 * 1024 * 1024));
            }

            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("id");
            Assert.Equal("0,5", CatalogueFormat.Megabytes(512 * 1024));
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en");
            Assert.Equal("0.5", CatalogueFormat.Megabytes(512 * 1024));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    // ---------- helpers ----------

    private static IElement Group(HtmlPage page, string anchor)
    {
        var group = page.Document.GetElementById(anchor);
        Assert.True(group is not null, $"No group #{anchor} on {page.Path}; groups: {string.Join(", ", page.Document.QuerySelectorAll(".service-group").Select(g => g.Id))}");
        return group;
    }

    private static IElement ServiceItem(IElement group, string slug)
    {
        var item = group.QuerySelectorAll(".service-item").FirstOrDefault(li => li.QuerySelector($"a[href='/layanan/{slug}']") is not null);
        Assert.True(item is not null, $"{slug} is not listed under #{group.Id}.");
        return item;
    }

    private static List<string?> Links(HtmlPage page) =>
        [.. page.Document.QuerySelectorAll(".service-item h3 a").Select(a => a.GetAttribute("href"))];

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private Task<int> CountActiveServicesAsync() =>
        InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().Services.CountAsync(s => s.IsActive));

    private Task<(LocalizedText Requirements, IReadOnlyList<DocumentRequirement> Documents, IReadOnlyList<LocalizedText> Steps)> BirthCertificateFromDatabaseAsync() =>
        InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            var service = await db.Services.AsNoTracking().SingleAsync(s => s.Slug == BirthCertificate);
            var form = await db.ServiceFormVersions.AsNoTracking()
                .SingleAsync(f => f.ServiceId == service.Id && f.Version == service.CurrentFormVersion);
            return (service.Requirements, form.Definition.Documents, (IReadOnlyList<LocalizedText>)[.. service.Workflow.Select(s => s.Name)]);
        });

    /// <summary>A retired service of its own (the shared catalogue is left as it is).</summary>
    private Task<string> AddRetiredServiceAsync() =>
        InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            var agencyId = await db.Agencies.Where(a => a.Code == "disdukcapil").Select(a => a.Id).SingleAsync();
            var slug = "uji-pensiun-" + Guid.NewGuid().ToString("N")[..8];
            var service = new Service(slug, agencyId, new LocalizedText("Layanan lama " + slug, "Old service " + slug), LifeEvent.IdentityDocuments, 3,
                [new WorkflowStep("verifikasi", new LocalizedText("Verifikasi", "Check"), "Officer")]);
            db.Services.Add(service);
            db.ServiceFormVersions.Add(service.PublishForm(new FormDefinition([], []), DateTime.UtcNow));
            service.Retire();
            await db.SaveChangesAsync();
            return slug;
        });
}

// Run once per database, like every other test class (see DatabaseVariants.cs).
[Collection(SqlitePortalCollection.Name)]
public sealed class CatalogueOnSqlite(SqlitePortalFixture portal) : CatalogueTests(portal);

[Collection(PostgreSqlPortalCollection.Name)]
[RequiresPostgreSql]
public sealed class CatalogueOnPostgreSql(PostgreSqlPortalFixture portal) : CatalogueTests(portal);

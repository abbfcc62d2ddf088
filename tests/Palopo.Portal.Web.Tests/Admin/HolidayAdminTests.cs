using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Palopo.Portal.Application.Calendar;
using Palopo.Portal.Domain.Audit;
using Palopo.Portal.Infrastructure.Persistence;
using Palopo.Portal.Web.Tests.Support;

namespace Palopo.Portal.Web.Tests.Admin;

/// <summary>/admin/hari-libur: holidays per year, and what they do to the legal clock.</summary>
public abstract class HolidayAdminTests(PortalFixture portal) : AdminTestsBase(portal)
{
    private const string Url = "/admin/hari-libur";
    private const string AddUrl = "/admin/hari-libur/tambah";

    [PortalFact]
    public async Task Adding_and_removing_a_holiday_moves_the_next_due_date()
    {
        // 2 March 2099 is a Monday: five working days later is Monday 9 March, unless a day between is a holiday.
        var start = new DateOnly(2099, 3, 2);
        Assert.Equal(DayOfWeek.Monday, start.DayOfWeek);
        Assert.Equal(new DateOnly(2099, 3, 9), await DueDateAsync(start, 5));

        var admin = await SignedInAdminAsync();
        var page = await admin.GetPageAsync($"{Url}?tahun=2099");
        var added = await admin.FollowAsync(await admin.SubmitAsync(page, AddUrl, new Dictionary<string, string?>
        {
            ["Date"] = "2099-03-04",
            ["NameId"] = "Hari Jadi Uji",
            ["NameEn"] = "Test Day",
            ["Kind"] = "Local",
        }), $"{Url}?tahun=2099");
        Assert.Equal(T.Id("AdminHolidays.Added", new DateOnly(2099, 3, 4).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("id")), "Hari Jadi Uji"), added.Notice);
        Assert.True(added.Has("#holidays tr[data-date='2099-03-04']"));
        Assert.Equal(new DateOnly(2099, 3, 10), await DueDateAsync(start, 5));
        var addedEntry = Assert.Single(await AuditAsync(q => q.Where(a => a.Action == AuditAction.HolidayAdded && a.Detail!.StartsWith("2099-03-04"))));

        var removed = await admin.FollowAsync(await admin.SubmitAsync(added, $"{Url}/{addedEntry.SubjectId}/hapus"), $"{Url}?tahun=2099");
        Assert.False(removed.Has("#holidays tr[data-date='2099-03-04']"));
        Assert.Equal(new DateOnly(2099, 3, 9), await DueDateAsync(start, 5));
        Assert.Single(await AuditAsync(q => q.Where(a => a.Action == AuditAction.HolidayRemoved && a.SubjectId == addedEntry.SubjectId)));
    }

    [PortalFact]
    public async Task Bad_holidays_are_refused_with_their_messages_and_nothing_is_saved()
    {
        var admin = await SignedInAdminAsync();
        var page = await admin.GetPageAsync($"{Url}?tahun=2098");
        await admin.FollowAsync(await admin.SubmitAsync(page, AddUrl, new Dictionary<string, string?>
        {
            ["Date"] = "2098-05-05", ["NameId"] = "Libur Pertama", ["Kind"] = "National",
        }), $"{Url}?tahun=2098");
        var before = await HolidayCountAsync(2098);

        async Task<HtmlPage> PostAsync(string? date, string? name, string? kind) =>
            await PortalClient.ReadPageAsync(await admin.SubmitAsync(page, AddUrl, new Dictionary<string, string?>
            {
                ["Date"] = date, ["NameId"] = name, ["Kind"] = kind,
            }), HttpStatusCode.UnprocessableEntity);

        var outside = await PostAsync("2097-12-31", "Malam Tahun Baru", "National");
        Assert.Equal(T.Id("AdminHolidays.Error.OutsideYear", 2098, 200), outside.FieldError("Date"));
        Assert.Equal("Malam Tahun Baru", outside.FieldValue("NameId"));
        Assert.Equal("2097-12-31", outside.FieldValue("Date"));

        var duplicate = await PostAsync("2098-05-05", "Libur Kedua", "CutiBersama");
        Assert.Equal(T.Id("AdminHolidays.Error.Duplicate"), duplicate.FieldError("Date"));

        var noName = await PostAsync("2098-05-06", "   ", "National");
        Assert.Equal(T.Id("AdminHolidays.Error.NameRequired"), noName.FieldError("NameId"));

        var garbage = await PostAsync("kemarin", "Libur", "Bulanan");
        Assert.Equal(T.Id("AdminHolidays.Error.DateRequired"), garbage.FieldError("Date"));
        Assert.Equal(T.Id("AdminHolidays.Error.KindRequired"), garbage.FieldError("Kind"));

        Assert.Equal(before, await HolidayCountAsync(2098));
    }

    [PortalFact]
    public async Task A_weekend_holiday_is_kept_with_a_warning_that_it_moves_no_deadline()
    {
        var saturday = new DateOnly(2098, 8, 16);
        Assert.Equal(DayOfWeek.Saturday, saturday.DayOfWeek);
        var admin = await SignedInAdminAsync();
        var page = await admin.GetPageAsync($"{Url}?tahun=2098");
        var done = await admin.FollowAsync(await admin.SubmitAsync(page, AddUrl, new Dictionary<string, string?>
        {
            ["Date"] = "2098-08-16", ["NameId"] = "Libur Sabtu", ["Kind"] = "CutiBersama",
        }), $"{Url}?tahun=2098");
        Assert.Equal(T.Id("AdminHolidays.AddedWeekend", saturday.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("id")), "Libur Sabtu"), done.Notice);
        Assert.True(done.Has("#holidays tr[data-date='2098-08-16']"));
    }

    [PortalFact]
    public async Task Year_picker_lists_only_that_years_holidays_in_both_languages()
    {
        var admin = await SignedInAdminAsync();
        var id = await admin.GetPageAsync($"{Url}?tahun=2026");
        Assert.Equal(T.Id("AdminHolidays.Title", 2026), id.Heading);
        var dates = id.Document.QuerySelectorAll("#holidays tbody tr").Select(r => r.GetAttribute("data-date")!).ToList();
        Assert.Contains("2026-08-17", dates);
        Assert.All(dates, d => Assert.StartsWith("2026-", d, StringComparison.Ordinal));
        var en = await admin.GetPageAsync($"{Url}?tahun=2026&culture=en");
        Assert.Equal(T.En("AdminHolidays.Title", 2026), en.Heading);
        using var outOfRange = await admin.GetAsync($"{Url}?tahun=1800");
        Redirects.AssertRedirect(outOfRange);
    }

    private Task<DateOnly> DueDateAsync(DateOnly start, int days) =>
        InScopeAsync(async sp => (await sp.GetRequiredService<WorkingCalendarProvider>().GetAsync(CancellationToken.None)).AddWorkingDays(start, days));

    private Task<int> HolidayCountAsync(int year) =>
        InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().Holidays.CountAsync(h => h.Date.Year == year));
}

[Collection(SqlitePortalCollection.Name)]
public sealed class HolidayAdminOnSqlite(SqlitePortalFixture portal) : HolidayAdminTests(portal);

[Collection(PostgreSqlPortalCollection.Name)]
[RequiresPostgreSql]
public sealed class HolidayAdminOnPostgreSql(PostgreSqlPortalFixture portal) : HolidayAdminTests(portal);

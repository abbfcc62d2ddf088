using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Palopo.Portal.Application.Admin.Calendar;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Application.Staff;
using Palopo.Portal.Web.Areas.Admin.Models;
using Palopo.Portal.Web.Framework;

namespace Palopo.Portal.Web.Areas.Admin.Controllers;

/// <summary>The holiday calendar per year: the days the legal clock skips.</summary>
[Area(AdminArea.Name)]
[Authorize(Policy = Policies.Admin)]
[Route("admin/hari-libur")]
public sealed class HolidaysController(
    IStaffContext staff, HolidayCalendar calendar, TimeProvider clock, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery(Name = "tahun")] int? year, CancellationToken ct)
    {
        var chosen = year is { } y && HolidayCalendar.IsValidYear(y) ? y : PalopoTime.Today(clock).Year;
        if (year is not null && year != chosen)
            return RedirectToAction(nameof(Index), new { tahun = chosen });
        return View(new HolidaysPage(chosen, await calendar.ListAsync(chosen, ct), new HolidayForm { Year = chosen }, Language));
    }

    [HttpPost("tambah")]
    public async Task<IActionResult> Add(HolidayForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await staff.CurrentAsync(ct) is not { IsAdmin: true } admin)
            return NotFound();
        if (!HolidayCalendar.IsValidYear(form.Year))
            return RedirectToAction(nameof(Index));

        // A date or kind that did not bind is reported as missing or invalid by the use case.
        var badDate = ModelState.GetValueOrDefault(nameof(HolidayForm.Date))?.Errors.Count > 0;
        var badKind = ModelState.GetValueOrDefault(nameof(HolidayForm.Kind))?.Errors.Count > 0;
        ModelState.Clear();
        var result = await calendar.AddAsync(
            new AddHolidayCommand(form.Year, badDate ? null : form.Date, form.NameId, form.NameEn, badKind ? null : form.Kind), admin, ct);
        if (result.Added is { } added)
        {
            var date = added.Date.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);
            TempData[TempKeys.Status] = (added.OnWeekend
                ? t["AdminHolidays.AddedWeekend", date, added.Name.For(Language)]
                : t["AdminHolidays.Added", date, added.Name.For(Language)]).Value;
            return RedirectToAction(nameof(Index), new { tahun = form.Year });
        }

        foreach (var (field, key) in result.Errors)
            ModelState.AddModelError(field, t[key, form.Year, HolidayCalendar.NameMaxLength]);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(nameof(Index), new HolidaysPage(form.Year, await calendar.ListAsync(form.Year, ct), form, Language));
    }

    [HttpPost("{id:guid}/hapus")]
    public async Task<IActionResult> Remove(Guid id, CancellationToken ct)
    {
        if (await staff.CurrentAsync(ct) is not { IsAdmin: true } admin)
            return NotFound();
        var removed = await calendar.RemoveAsync(id, admin, ct);
        if (removed is null)
            return NotFound();
        TempData[TempKeys.Status] = t["AdminHolidays.Removed", removed.Date.ToString("d MMMM yyyy", CultureInfo.CurrentCulture), removed.Name.For(Language)].Value;
        return RedirectToAction(nameof(Index), new { tahun = removed.Date.Year });
    }

    private static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "id";
}

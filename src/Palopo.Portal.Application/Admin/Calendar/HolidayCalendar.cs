using Microsoft.EntityFrameworkCore;
using Palopo.Portal.Application.Audit;
using Palopo.Portal.Application.Caching;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Application.Staff;
using Palopo.Portal.Domain.Audit;
using Palopo.Portal.Domain.Calendar;
using Palopo.Portal.Domain.Common;

namespace Palopo.Portal.Application.Admin.Calendar;

public sealed record HolidayRow(Guid Id, DateOnly Date, LocalizedText Name, HolidayKind Kind)
{
    public bool OnWeekend => Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}

public sealed record AddHolidayCommand(int Year, DateOnly? Date, string? NameId, string? NameEn, HolidayKind? Kind);

/// <summary>What adding a holiday did: errors by field (resource keys), or the holiday and whether it falls on a weekend.</summary>
public sealed record AddHolidayResult(IReadOnlyDictionary<string, string> Errors, HolidayRow? Added)
{
    public bool Succeeded => Added is not null;
}

/// <summary>
/// The holiday calendar admins keep (hari libur nasional, cuti bersama, local days). The legal clock
/// reads it afresh for every due-date computation (<see cref="Application.Calendar.WorkingCalendarProvider"/>
/// keeps no cache), so a change applies to the next computation at once; due dates already set stay.
/// A holiday on a Saturday or Sunday is accepted (the official decree lists such days too) and
/// the admin is told that it does not move any deadline.
/// </summary>
public sealed class HolidayCalendar(IPortalDbContext db, AuditTrail audit, ICacheSignals signals)
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;
    public const int NameMaxLength = 200;

    public static bool IsValidYear(int year) => year is >= MinYear and <= MaxYear;

    public async Task<IReadOnlyList<HolidayRow>> ListAsync(int year, CancellationToken ct)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        return await db.Holidays.AsNoTracking()
            .Where(h => h.Date >= from && h.Date <= to)
            .OrderBy(h => h.Date).ThenBy(h => h.Kind)
            .Select(h => new HolidayRow(h.Id, h.Date, h.Name, h.Kind))
            .ToListAsync(ct);
    }

    public async Task<AddHolidayResult> AddAsync(AddHolidayCommand command, StaffMember admin, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var errors = new Dictionary<string, string>();
        var nameId = command.NameId?.Trim() ?? "";
        var nameEn = command.NameEn?.Trim() ?? "";
        if (command.Date is not { } date)
            errors["Date"] = "AdminHolidays.Error.DateRequired";
        else if (date.Year != command.Year)
            errors["Date"] = "AdminHolidays.Error.OutsideYear";
        else if (await db.Holidays.AnyAsync(h => h.Date == date, ct))
            errors["Date"] = "AdminHolidays.Error.Duplicate";
        if (nameId.Length == 0)
            errors["NameId"] = "AdminHolidays.Error.NameRequired";
        else if (nameId.Length > NameMaxLength)
            errors["NameId"] = "AdminHolidays.Error.NameTooLong";
        if (nameEn.Length > NameMaxLength)
            errors["NameEn"] = "AdminHolidays.Error.NameTooLong";
        if (command.Kind is not { } kind || !Enum.IsDefined(kind))
            errors["Kind"] = "AdminHolidays.Error.KindRequired";
        if (errors.Count > 0)
            return new(errors, null);

        var holiday = new Holiday(command.Date!.Value, new LocalizedText(nameId, nameEn), command.Kind!.Value);
        db.Holidays.Add(holiday);
        audit.Record(AuditAction.HolidayAdded, admin, "Holiday", holiday.Id,
            detail: $"{holiday.Date:yyyy-MM-dd} {holiday.Kind}: {nameId}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another admin added the same day a moment ago: the unique index said no.
            return new(new Dictionary<string, string> { ["Date"] = "AdminHolidays.Error.Duplicate" }, null);
        }

        await signals.PublishAsync(CacheTopics.Calendar, "", ct);
        return new(errors, new HolidayRow(holiday.Id, holiday.Date, holiday.Name, holiday.Kind));
    }

    /// <returns>The removed holiday, or null when there was none with that id.</returns>
    public async Task<HolidayRow?> RemoveAsync(Guid id, StaffMember admin, CancellationToken ct)
    {
        var holiday = await db.Holidays.FirstOrDefaultAsync(h => h.Id == id, ct);
        if (holiday is null)
            return null;
        db.Holidays.Remove(holiday);
        audit.Record(AuditAction.HolidayRemoved, admin, "Holiday", holiday.Id,
            detail: $"{holiday.Date:yyyy-MM-dd} {holiday.Kind}: {holiday.Name.Id}");
        await db.SaveChangesAsync(ct);
        await signals.PublishAsync(CacheTopics.Calendar, "", ct);
        return new HolidayRow(holiday.Id, holiday.Date, holiday.Name, holiday.Kind);
    }
}

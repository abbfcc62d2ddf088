using Palopo.Portal.Domain.Common;

namespace Palopo.Portal.Domain.Calendar;

public enum HolidayKind
{
    /// <summary>Hari libur nasional.</summary>
    National,

    /// <summary>Cuti bersama: collective leave days set by joint ministerial decree.</summary>
    CutiBersama,

    /// <summary>A local holiday declared by the city.</summary>
    Local,
}

/// <summary>A day on which the legal clock does not run.</summary>
public sealed class Holiday
{
    private Holiday() { }

    public Holiday(DateOnly date, LocalizedText name, HolidayKind kind)
    {
        if (string.IsNullOrWhiteSpace(name.Id))
            throw new DomainRuleException("A holiday needs a name.");
        Id = Guid.NewGuid();
        Date = date;
        Name = name;
        Kind = kind;
    }

    public Guid Id { get; private set; }

    public DateOnly Date { get; private set; }

    public LocalizedText Name { get; private set; } = new("", "");

    public HolidayKind Kind { get; private set; }
}

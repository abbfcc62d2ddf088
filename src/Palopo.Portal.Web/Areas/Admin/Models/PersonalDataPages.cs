using Palopo.Portal.Application.PersonalData;

namespace Palopo.Portal.Web.Areas.Admin.Models;

public sealed record RightsDeskPage(IReadOnlyList<RightsDeskRow> Rows, bool ShowingAll);

/// <summary>One request with the answer form; the posted action and text are kept when refused.</summary>
public sealed record RightsAnswerPage(RightsDeskRow Row, RightsAnswerAction? Action, string? Response);

/// <summary>The breach form; times are Palopo local time (WITA) as typed in datetime-local fields.</summary>
public sealed class BreachForm
{
    public string? Title { get; set; }

    public string? DataAffected { get; set; }

    public string? HowItHappened { get; set; }

    public string? Remedy { get; set; }

    public DateTime? OccurredAt { get; set; }

    public DateTime? DiscoveredAt { get; set; }

    /// <summary>Reference numbers and/or e-mail addresses, one per line.</summary>
    public string? Affected { get; set; }

    public string? ServiceSlug { get; set; }
}

public sealed record BreachPage(BreachDetails Breach, string? Affected, string? ServiceSlug, string? AuthorityAt);

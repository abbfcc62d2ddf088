using Palopo.Portal.Application.Officer.Assisted;
using Palopo.Portal.Application.Regions;
using Palopo.Portal.Domain.Services;
using Palopo.Portal.Web.Models.Requests;

namespace Palopo.Portal.Web.Areas.Officer.Models;

/// <summary>
/// Step 1 of the service counter: choose a service and identify the walk-in citizen. Its values
/// live only in this one response: never in TempData, the session or a URL.
/// </summary>
public sealed class CounterStartPage
{
    public required IReadOnlyList<CounterService> Services { get; init; }

    public string? Slug { get; init; }

    public string? Nik { get; init; }

    public string? FullName { get; init; }

    /// <summary>Message per field key (FileAssistedRequest.ServiceKey, NikKey, NameKey).</summary>
    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();

    public required string Language { get; init; }
}

/// <summary>Step 2: the service's form for one walk-in citizen, their identification and consent.</summary>
public sealed class CounterFormPage
{
    public required CounterForm Form { get; init; }

    public string? Nik { get; init; }

    public string? FullName { get; init; }

    public bool Consent { get; init; }

    public required IReadOnlyDictionary<string, string> Answers { get; init; }

    public required IReadOnlyDictionary<string, string> Errors { get; init; }

    public required IReadOnlyList<KelurahanOption> Kelurahan { get; init; }

    public required string Language { get; init; }

    public required string OfficerName { get; init; }

    public string Action => "/petugas/loket/" + Form.Service.Slug;

    public FieldView Field(FieldDefinition field) =>
        new(field, Answers.GetValueOrDefault(field.Key), Errors.GetValueOrDefault(field.Key), ReadOnly: false, Kelurahan, Language);
}

using Palopo.Portal.Application.Regions;
using Palopo.Portal.Application.Requests;
using Palopo.Portal.Domain.Services;

namespace Palopo.Portal.Web.Models.Requests;

/// <summary>The apply page: the form, the answers to show, and a message per field.</summary>
public sealed class ApplyPage
{
    public required ApplyForm Form { get; init; }

    public required IReadOnlyDictionary<string, string> Answers { get; init; }

    public required IReadOnlyDictionary<string, string> Errors { get; init; }

    public required IReadOnlyList<KelurahanOption> Kelurahan { get; init; }

    public required string Language { get; init; }

    public bool DraftSaved { get; init; }

    public FieldView Field(FieldDefinition field) =>
        new(field, Answers.GetValueOrDefault(field.Key), Errors.GetValueOrDefault(field.Key), ReadOnly: false, Kelurahan, Language);
}

/// <summary>One question as the shared field partial renders it.</summary>
public sealed record FieldView(
    FieldDefinition Definition, string? Value, string? Error, bool ReadOnly, IReadOnlyList<KelurahanOption> Kelurahan, string Language)
{
    public string Name => $"Answers[{Definition.Key}]";

    public string Id => "f_" + Definition.Key;
}

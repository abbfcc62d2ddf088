using Palopo.Portal.Domain.Common;

namespace Palopo.Portal.Domain.Services;

/// <summary>
/// The questions and documents of one version of a service's form. Requests keep the version
/// they were filed on, so editing a form never breaks a request already submitted.
/// </summary>
public sealed record FormDefinition(IReadOnlyList<FormSection> Sections, IReadOnlyList<DocumentRequirement> Documents)
{
    public IEnumerable<FieldDefinition> Fields => Sections.SelectMany(s => s.Fields);

    public FieldDefinition? Field(string key) => Fields.FirstOrDefault(f => f.Key == key);

    public DocumentRequirement? Document(string key) => Documents.FirstOrDefault(d => d.Key == key);

    /// <summary>Structural rules: unique keys, labels present, choices have options.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        var keys = Fields.Select(f => f.Key).Concat(Documents.Select(d => d.Key)).ToList();
        foreach (var duplicate in keys.GroupBy(k => k).Where(g => g.Count() > 1))
            problems.Add($"Duplicate key '{duplicate.Key}'.");
        foreach (var field in Fields)
        {
            if (string.IsNullOrWhiteSpace(field.Key) || !field.Key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
                problems.Add($"Field key '{field.Key}' must be letters, digits or '_'.");
            if (string.IsNullOrWhiteSpace(field.Label.Id))
                problems.Add($"Field '{field.Key}' has no label.");
            if (field.Type == FieldType.Choice && (field.Options is null || field.Options.Count == 0))
                problems.Add($"Choice field '{field.Key}' has no options.");
        }

        foreach (var document in Documents)
        {
            if (string.IsNullOrWhiteSpace(document.Label.Id))
                problems.Add($"Document '{document.Key}' has no label.");
            if (document.AllowedTypes.Count == 0)
                problems.Add($"Document '{document.Key}' allows no file type.");
            if (document.MaxSizeBytes <= 0)
                problems.Add($"Document '{document.Key}' has no size limit.");
        }

        return problems;
    }
}

/// <summary>A group of questions shown together, e.g. "Data anak", "Data ibu".</summary>
public sealed record FormSection(string Key, LocalizedText Title, IReadOnlyList<FieldDefinition> Fields);

public sealed record FieldOption(string Value, LocalizedText Label);

public sealed record FieldDefinition(
    string Key,
    FieldType Type,
    LocalizedText Label,
    bool Required = true,
    LocalizedText? Help = null,
    int? MaxLength = null,
    IReadOnlyList<FieldOption>? Options = null,
    DateRule DateRule = DateRule.Any,
    decimal? Min = null,
    decimal? Max = null,
    ApplicantPrefill Prefill = ApplicantPrefill.None,
    bool PalopoOnly = false)
{
    public const int DefaultTextLength = 200;
    public const int DefaultLongTextLength = 2000;

    public int EffectiveMaxLength => MaxLength ?? (Type == FieldType.LongText ? DefaultLongTextLength : DefaultTextLength);
}

/// <summary>Which of the applicant's own details fills a field in advance.</summary>
public enum ApplicantPrefill
{
    None,
    Nik,
    FullName,
    PhoneNumber,
    Kelurahan,
}

public sealed record DocumentRequirement(
    string Key,
    LocalizedText Label,
    IReadOnlyList<DocumentFileType> AllowedTypes,
    long MaxSizeBytes,
    bool Required = true,
    LocalizedText? Help = null)
{
    public const long DefaultMaxSizeBytes = 2 * 1024 * 1024;
}

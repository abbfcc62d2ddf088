using System.Globalization;
using Palopo.Portal.Domain.Common;
using Palopo.Portal.Domain.Services;

namespace Palopo.Portal.Application.Admin.Catalogue;

/// <summary>
/// The form editor's unsaved state exactly as the browser posts it (every row a group of inputs),
/// so the editor works without JavaScript: each button re-renders the page from this state and
/// nothing is stored until it is published as a new <see cref="ServiceFormVersion"/>.
/// </summary>
public sealed class FormDraft
{
    public const int MaxSections = 20;
    public const int MaxFieldsPerSection = 60;
    public const int MaxDocuments = 20;
    public const int MaxFileSizeMb = 10;

    public List<SectionDraft> Sections { get; set; } = [];

    public List<DocumentDraft> Documents { get; set; } = [];

    public static FormDraft From(FormDefinition definition) => new()
    {
        Sections = [.. definition.Sections.Select(s => new SectionDraft
        {
            Key = s.Key,
            TitleId = s.Title.Id,
            TitleEn = s.Title.En,
            Fields = [.. s.Fields.Select(FieldDraft.From)],
        })],
        Documents = [.. definition.Documents.Select(DocumentDraft.From)],
    };

    /// <summary>
    /// The definition when every row is valid; otherwise null, with each problem at the input it
    /// concerns (e.g. "Sections[0].Fields[2].LabelId"). Mirrors <see cref="FormDefinition.Problems"/> row by row.
    /// </summary>
    public FormDefinition? ToDefinition(AdminErrors errors)
    {
        if (Sections.Count > MaxSections)
            errors.Add("Sections", "TooMany", MaxSections);
        if (Documents.Count > MaxDocuments)
            errors.Add("Documents", "TooMany", MaxDocuments);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var sections = new List<FormSection>();
        for (var s = 0; s < Sections.Count; s++)
        {
            var section = Sections[s];
            var prefix = $"Sections[{s}].";
            var sectionKey = errors.Key(prefix + nameof(section.Key), section.Key);
            if (sectionKey.Length > 0 && Sections.Take(s).Any(x => (x.Key ?? "").Trim() == sectionKey))
                errors.Add(prefix + nameof(section.Key), "DuplicateKey", sectionKey);
            var title = new LocalizedText(
                errors.Text(prefix + nameof(section.TitleId), section.TitleId, 200, required: true),
                errors.Text(prefix + nameof(section.TitleEn), section.TitleEn, 200));
            if (section.Fields.Count > MaxFieldsPerSection)
                errors.Add(prefix + "Fields", "TooMany", MaxFieldsPerSection);
            var fields = new List<FieldDefinition>();
            for (var f = 0; f < section.Fields.Count; f++)
                fields.Add(section.Fields[f].ToDefinition($"{prefix}Fields[{f}].", errors, keys));
            sections.Add(new FormSection(sectionKey, title, fields));
        }

        var documents = new List<DocumentRequirement>();
        for (var d = 0; d < Documents.Count; d++)
            documents.Add(Documents[d].ToRequirement($"Documents[{d}].", errors, keys));

        if (errors.Any)
            return null;
        var definition = new FormDefinition(sections, documents);
        // The domain's own rules have the last word; anything they catch that the rows did not is shown at the top.
        foreach (var problem in definition.Problems())
            errors.Add("", "DomainRule", problem);
        return errors.Any ? null : definition;
    }
}

public sealed class SectionDraft
{
    public string? Key { get; set; }

    public string? TitleId { get; set; }

    public string? TitleEn { get; set; }

    public List<FieldDraft> Fields { get; set; } = [];
}

public sealed class FieldDraft
{
    public string? Key { get; set; }

    public FieldType Type { get; set; }

    public string? LabelId { get; set; }

    public string? LabelEn { get; set; }

    public string? HelpId { get; set; }

    public string? HelpEn { get; set; }

    public bool Required { get; set; }

    /// <summary>Choice options, one per line: "value | Label ID | Label EN".</summary>
    public string? Options { get; set; }

    public string? MaxLength { get; set; }

    public string? Min { get; set; }

    public string? Max { get; set; }

    public DateRule DateRule { get; set; }

    public bool PalopoOnly { get; set; }

    public ApplicantPrefill Prefill { get; set; }

    public static FieldDraft From(FieldDefinition f) => new()
    {
        Key = f.Key,
        Type = f.Type,
        LabelId = f.Label.Id,
        LabelEn = f.Label.En,
        HelpId = f.Help?.Id,
        HelpEn = f.Help?.En,
        Required = f.Required,
        Options = f.Options is null ? null : string.Join("\n", f.Options.Select(o => $"{o.Value} | {o.Label.Id} | {o.Label.En}")),
        MaxLength = f.MaxLength?.ToString(CultureInfo.InvariantCulture),
        Min = f.Min?.ToString(CultureInfo.InvariantCulture),
        Max = f.Max?.ToString(CultureInfo.InvariantCulture),
        DateRule = f.DateRule,
        PalopoOnly = f.PalopoOnly,
        Prefill = f.Prefill,
    };

    internal FieldDefinition ToDefinition(string prefix, AdminErrors errors, HashSet<string> keys)
    {
        var key = errors.Key(prefix + nameof(Key), Key);
        if (key.Length > 0 && !keys.Add(key))
            errors.Add(prefix + nameof(Key), "DuplicateKey", key);
        if (!Enum.IsDefined(Type))
            errors.Add(prefix + nameof(Type), "Required");
        var label = new LocalizedText(
            errors.Text(prefix + nameof(LabelId), LabelId, 200, required: true),
            errors.Text(prefix + nameof(LabelEn), LabelEn, 200));
        var helpId = errors.Text(prefix + nameof(HelpId), HelpId, 500);
        var helpEn = errors.Text(prefix + nameof(HelpEn), HelpEn, 500);
        var help = helpId.Length > 0 ? new LocalizedText(helpId, helpEn) : null;

        int? maxLength = null;
        if (Type is FieldType.Text or FieldType.LongText)
            maxLength = errors.WholeNumber(prefix + nameof(MaxLength), MaxLength, 1, FieldDefinition.DefaultLongTextLength * 2, "OutOfRange", required: false);
        decimal? min = null, max = null;
        if (Type == FieldType.Number)
        {
            min = errors.Decimal(prefix + nameof(Min), Min);
            max = errors.Decimal(prefix + nameof(Max), Max);
            if (min is not null && max is not null && min > max)
                errors.Add(prefix + nameof(Max), "MinAboveMax");
        }

        IReadOnlyList<FieldOption>? options = null;
        if (Type == FieldType.Choice)
            options = ParseOptions(prefix + nameof(Options), errors);

        return new FieldDefinition(
            key, Type, label, Required, help, maxLength, options,
            Type == FieldType.Date ? DateRule : DateRule.Any, min, max, Prefill,
            Type == FieldType.Nik && PalopoOnly);
    }

    private List<FieldOption> ParseOptions(string field, AdminErrors errors)
    {
        var options = new List<FieldOption>();
        var lines = (Options ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0)
        {
            errors.Add(field, "NoOptions");
            return options;
        }

        if (lines.Length > 50)
            errors.Add(field, "TooMany", 50);
        foreach (var line in lines)
        {
            var parts = line.Split('|', StringSplitOptions.TrimEntries);
            var value = parts[0];
            var labelId = parts.Length > 1 ? parts[1] : "";
            var labelEn = parts.Length > 2 ? parts[2] : "";
            if (parts.Length > 3 || value.Length == 0 || labelId.Length == 0)
                errors.Add(field, "OptionFormat", line);
            else if (value.Length > 40 || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
                errors.Add(field, "OptionValue", value);
            else if (labelId.Length > 200 || labelEn.Length > 200)
                errors.Add(field, "TooLong", 200);
            else if (line.Any(c => char.IsControl(c)))
                errors.Add(field, "ControlCharacters");
            else if (options.Any(o => o.Value == value))
                errors.Add(field, "DuplicateOption", value);
            else
                options.Add(new FieldOption(value, new LocalizedText(labelId, labelEn)));
        }

        return options;
    }
}

public sealed class DocumentDraft
{
    public string? Key { get; set; }

    public string? LabelId { get; set; }

    public string? LabelEn { get; set; }

    public string? HelpId { get; set; }

    public string? HelpEn { get; set; }

    public List<DocumentFileType> Types { get; set; } = [];

    public string? MaxSizeMb { get; set; } = "2";

    public bool Required { get; set; }

    public static DocumentDraft From(DocumentRequirement d) => new()
    {
        Key = d.Key,
        LabelId = d.Label.Id,
        LabelEn = d.Label.En,
        HelpId = d.Help?.Id,
        HelpEn = d.Help?.En,
        Types = [.. d.AllowedTypes],
        MaxSizeMb = Math.Max(1, d.MaxSizeBytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture),
        Required = d.Required,
    };

    internal DocumentRequirement ToRequirement(string prefix, AdminErrors errors, HashSet<string> keys)
    {
        var key = errors.Key(prefix + nameof(Key), Key);
        if (key.Length > 0 && !keys.Add(key))
            errors.Add(prefix + nameof(Key), "DuplicateKey", key);
        var label = new LocalizedText(
            errors.Text(prefix + nameof(LabelId), LabelId, 200, required: true),
            errors.Text(prefix + nameof(LabelEn), LabelEn, 200));
        var helpId = errors.Text(prefix + nameof(HelpId), HelpId, 500);
        var helpEn = errors.Text(prefix + nameof(HelpEn), HelpEn, 500);
        var types = Types.Where(Enum.IsDefined).Distinct().ToList();
        if (types.Count == 0)
            errors.Add(prefix + nameof(Types), "NoFileTypes");
        var megabytes = errors.WholeNumber(prefix + nameof(MaxSizeMb), MaxSizeMb, 1, FormDraft.MaxFileSizeMb, "OutOfRange") ?? 1;
        return new DocumentRequirement(key, label, types, megabytes * 1024L * 1024L, Required, helpId.Length > 0 ? new LocalizedText(helpId, helpEn) : null);
    }
}

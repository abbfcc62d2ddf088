using Microsoft.AspNetCore.Mvc.ModelBinding;
using Palopo.Portal.Application.Regions;
using Palopo.Portal.Application.Requests;
using Palopo.Portal.Domain.Population;
using Palopo.Portal.Domain.Requests;
using Palopo.Portal.Domain.Services;
using Palopo.Portal.Web.Framework;

namespace Palopo.Portal.Web.Models.Requests;

/// <summary>A request page kept by <see cref="RequestBodyCache"/>, with what the title needs.</summary>
public sealed record KeptRequestPage(string ReferenceNumber, Microsoft.AspNetCore.Html.HtmlString Body);

/// <summary>A citizen's own request (/permohonan/{ref}): everything read-only.</summary>
public sealed class RequestDetailsPage
{
    public required RequestDetails Request { get; init; }

    public required IReadOnlyList<KelurahanOption> Kelurahan { get; init; }

    public required string Language { get; init; }

    /// <summary>A neutral message carried over a redirect (e.g. "nothing to correct").</summary>
    public string? Notice { get; init; }

    /// <summary>Where the rendered body is kept for the citizen's next view (ADR 0018).</summary>
    public BodySlot? KeepIn { get; init; }

    public FieldView ReadOnlyField(FieldDefinition field) =>
        new(field, RequestLabels.Shown(field, Request.Answers.GetValueOrDefault(field.Key)), null, ReadOnly: true, Kelurahan, Language);

    /// <summary>The label of a flagged item in the request's own form version (the key itself if that version lacks it).</summary>
    public string Label(CorrectionTarget target, string key) => RequestLabels.Of(Request.Form, target, key, Language);

    public string DocumentLabel(string requirementKey) => RequestLabels.Of(Request.Form, CorrectionTarget.Document, requirementKey, Language);
}

/// <summary>The correction form (/permohonan/{ref}/perbaiki): flagged fields editable, everything else read-only.</summary>
public sealed class CorrectionPage
{
    public required RequestDetails Request { get; init; }

    /// <summary>What to show in the flagged fields: what was posted, or the current answers.</summary>
    public required IReadOnlyDictionary<string, string> Answers { get; init; }

    /// <summary>A message per field or document key.</summary>
    public required IReadOnlyDictionary<string, string> Errors { get; init; }

    public required IReadOnlyList<KelurahanOption> Kelurahan { get; init; }

    public required string Language { get; init; }

    /// <summary>A message about the form as a whole (someone changed the request meanwhile).</summary>
    public string? FormError { get; init; }

    public bool IsFlagged(FieldDefinition field) => Request.FlaggedFields.Any(c => c.Key == field.Key);

    public FieldView EditableField(FieldDefinition field) =>
        new(field, Answers.GetValueOrDefault(field.Key) ?? Request.Answers.GetValueOrDefault(field.Key), Errors.GetValueOrDefault(field.Key), ReadOnly: false, Kelurahan, Language);

    public FieldView ReadOnlyField(FieldDefinition field) =>
        new(field, RequestLabels.Shown(field, Request.Answers.GetValueOrDefault(field.Key)), null, ReadOnly: true, Kelurahan, Language);

    public string Label(CorrectionTarget target, string key) => RequestLabels.Of(Request.Form, target, key, Language);

    /// <summary>The id the error summary links to: the field's input, or the document's file input.</summary>
    public string AnchorFor(string key) =>
        Request.FlaggedDocuments.Any(c => c.Key == key) ? "doc_" + key
        // Radio questions: link to the first option, so the link moves focus to a control.
        : Request.Form.Field(key)?.Type is FieldType.Choice or FieldType.YesNo ? $"f_{key}_0"
        : "f_" + key;

    public string? Reason(CorrectionTarget target, string key) =>
        Request.Corrections.FirstOrDefault(c => c.Target == target && c.Key == key)?.Reason;
}

/// <summary>The confirmation page before a citizen withdraws a request (/permohonan/{ref}/tarik).</summary>
public sealed class WithdrawPage
{
    public required RequestDetails Request { get; init; }

    public string? Reason { get; init; }

    /// <summary>Why the request cannot be withdrawn (a decision was made, or it changed meanwhile); the form is not shown.</summary>
    public string? Refusal { get; init; }

    public required string Language { get; init; }
}

/// <summary>The public tracking form (/lacak) and, after a POST, what it found.</summary>
public sealed class TrackForm
{
    public string? ReferenceNumber { get; set; }

    public string? TrackingCode { get; set; }

    [BindNever]
    public TrackedRequest? Result { get; set; }

    /// <summary>Set when the number or the code was wrong: one message for both.</summary>
    [BindNever]
    public bool NotFound { get; set; }
}

internal static class RequestLabels
{
    /// <summary>A read-only answer as shown on screen: NIKs masked (UU PDP), everything else as given.</summary>
    public static string? Shown(FieldDefinition field, string? value) =>
        field.Type == FieldType.Nik && value is not null && Nik.TryParse(value, out var nik, out _) ? nik.Masked : value;

    public static string Of(FormDefinition form, CorrectionTarget target, string key, string language) =>
        target == CorrectionTarget.Field
            ? form.Field(key)?.Label.For(language) ?? key
            : form.Document(key)?.Label.For(language) ?? key;
}

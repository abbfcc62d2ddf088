using System.Globalization;
using Palopo.Portal.Application.Officer.Review;
using Palopo.Portal.Application.Regions;
using Palopo.Portal.Application.Staff;
using Palopo.Portal.Domain.Requests;
using Palopo.Portal.Domain.Services;
using Palopo.Portal.Web.Models.Requests;

namespace Palopo.Portal.Web.Areas.Officer.Models;

/// <summary>Which decision form a message or kept input belongs to.</summary>
public enum ReviewForm
{
    None,
    Claim,
    Approve,
    SendBack,
    Reject,
    Note,
}

/// <summary>
/// The officer's review page (/petugas/permohonan/{ref}): the request, the signed-in staff member,
/// and, when a decision was refused, the message and what the officer had typed (kept, never lost).
/// </summary>
public sealed class ReviewPage
{
    public required RequestReview Request { get; init; }

    public required StaffMember Staff { get; init; }

    public required IReadOnlyList<KelurahanOption> Kelurahan { get; init; }

    public required string Language { get; init; }

    /// <summary>A message about the page as a whole: someone else changed the request, wrong state, wrong role.</summary>
    public string? Message { get; init; }

    /// <summary>The form that was posted when the page is shown again (its section opens with the errors).</summary>
    public ReviewForm Posted { get; init; }

    /// <summary>Messages per input id (e.g. "alasan_f_nama_anak", "reject-reason", "send-back").</summary>
    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();

    /// <summary>Send-back items ticked ("f_{key}" for a field, "d_{key}" for a document).</summary>
    public IReadOnlySet<string> Ticked { get; init; } = new HashSet<string>();

    /// <summary>Send-back reasons typed, by the same item ids.</summary>
    public IReadOnlyDictionary<string, string> Reasons { get; init; } = new Dictionary<string, string>();

    public string? RejectReason { get; init; }

    public string? NoteText { get; init; }

    public string? ApproveNote { get; init; }

    public bool IsMine => Request.AssignedOfficerId == Staff.UserId;

    /// <summary>An officer claims an unassigned request; a supervisor may take over any open one.</summary>
    public bool CanClaim => Request.IsOpen && !IsMine && (!Request.IsAssigned || Staff.IsSupervisor);

    public bool MayApprove => Request.MayApprove(Staff.Roles);

    public static string FieldItem(string key) => "f_" + key;

    public static string DocumentItem(string key) => "d_" + key;

    /// <summary>An answer read-only, NIKs in full: checking them is the officer's task.</summary>
    public FieldView AnswerField(FieldDefinition field) =>
        new(field, Request.Answers.GetValueOrDefault(field.Key), null, ReadOnly: true, Kelurahan, Language);

    public string Label(CorrectionTarget target, string key) =>
        target == CorrectionTarget.Field
            ? Request.Form.Field(key)?.Label.For(Language) ?? key
            : Request.Form.Document(key)?.Label.For(Language) ?? key;

    /// <summary>A field's answer as shown in the diff (choices and kelurahan by name).</summary>
    public string Shown(string key, string? value, string yes, string no)
    {
        if (string.IsNullOrEmpty(value))
            return "–";
        var field = Request.Form.Field(key);
        return field?.Type switch
        {
            FieldType.Choice => field.Options?.FirstOrDefault(o => o.Value == value)?.Label.For(Language) ?? value,
            FieldType.Kelurahan => Kelurahan.FirstOrDefault(k => k.Code == value)?.Name ?? value,
            FieldType.YesNo => value == "ya" ? yes : value == "tidak" ? no : value,
            FieldType.Date => DateOnly.TryParse(value, CultureInfo.InvariantCulture, out var d) ? d.ToString("d MMMM yyyy", CultureInfo.CurrentCulture) : value,
            _ => value,
        };
    }

    /// <summary>An error as the summary lists it: a send-back item's message names the item.</summary>
    public string SummaryText(string inputId, string message)
    {
        if (!inputId.StartsWith("alasan_", StringComparison.Ordinal) || inputId.Length < 10)
            return message;
        var item = inputId["alasan_".Length..];
        var target = item[0] == 'f' ? CorrectionTarget.Field : CorrectionTarget.Document;
        return $"{Label(target, item[2..])}: {message}";
    }

    public string DocumentUrl(Guid documentId) => $"/petugas/permohonan/{Request.ReferenceNumber}/berkas/{documentId}";
}

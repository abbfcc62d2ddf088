using Palopo.Portal.Domain.PersonalData;

namespace Palopo.Portal.Application.PersonalData;

/// <summary>A rights request as the citizen and the desk see it.</summary>
public sealed record RightsRequestView(
    Guid Id, RightsRequestKind Kind, string Details, RightsRequestStatus Status, DateTime FiledAtUtc, DateTime DueAtUtc,
    string? Response, DateTime? AnsweredAtUtc, string? AnsweredBy, DateTime? ErasedAtUtc, int Version, bool IsOverdue);

/// <summary>A row of the desk's list, with the requester's name (blank once erased).</summary>
public sealed record RightsDeskRow(RightsRequestView Request, string RequesterName, string? RequesterEmail);

using Palopo.Portal.Domain.Requests;

namespace Palopo.Portal.Application.Requests;

public enum RequestActionOutcome
{
    Done,

    /// <summary>No such request for this person (another citizen's, or none): the page says 404.</summary>
    NotFound,

    /// <summary>The lifecycle does not allow it now (e.g. withdrawing after a decision); <see cref="RequestActionResult.Status"/> says why.</summary>
    NotAllowed,

    /// <summary>The input was refused; <see cref="RequestActionResult.Errors"/> says why, per field. Nothing was saved.</summary>
    Invalid,

    /// <summary>Someone else changed the request meanwhile; nothing was saved. Reload and try again.</summary>
    Conflict,

    /// <summary>An officer may not act on this request (another agency's, or a step for another role).</summary>
    Forbidden,
}

/// <summary>The result of a change to a request, by the applicant or an officer.</summary>
public sealed record RequestActionResult(
    RequestActionOutcome Outcome,
    RequestStatus? Status = null,
    IReadOnlyDictionary<string, FieldError>? Errors = null,
    IReadOnlyDictionary<string, string>? Answers = null)
{
    public static RequestActionResult Done(RequestStatus status) => new(RequestActionOutcome.Done, status);

    public static RequestActionResult NotFound { get; } = new(RequestActionOutcome.NotFound);

    public static RequestActionResult NotAllowed(RequestStatus status) => new(RequestActionOutcome.NotAllowed, status);

    public static RequestActionResult Conflict { get; } = new(RequestActionOutcome.Conflict);

    public static RequestActionResult Forbidden { get; } = new(RequestActionOutcome.Forbidden);

    public static RequestActionResult Invalid(IReadOnlyDictionary<string, FieldError> errors, IReadOnlyDictionary<string, string>? answers = null) =>
        new(RequestActionOutcome.Invalid, null, errors, answers);
}

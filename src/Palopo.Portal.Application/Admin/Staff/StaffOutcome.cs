namespace Palopo.Portal.Application.Admin.Staff;

public enum StaffOutcome
{
    Done,
    NotFound,

    /// <summary>Nothing to change: the form held the account's current values.</summary>
    Unchanged,

    /// <summary>Bad input: see the field errors (resource keys).</summary>
    Invalid,

    /// <summary>The change would leave the portal without an active admin.</summary>
    LastAdmin,
}

/// <summary>What a staff change did; <see cref="Errors"/> maps a form field to a resource key.</summary>
public sealed record StaffResult(StaffOutcome Outcome, IReadOnlyDictionary<string, string> Errors, Guid? UserId = null)
{
    public static StaffResult Done(Guid userId) => new(StaffOutcome.Done, new Dictionary<string, string>(), userId);

    public static StaffResult Of(StaffOutcome outcome) => new(outcome, new Dictionary<string, string>());

    public static StaffResult Invalid(IReadOnlyDictionary<string, string> errors) => new(StaffOutcome.Invalid, errors);
}

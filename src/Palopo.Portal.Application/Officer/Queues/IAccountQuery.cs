namespace Palopo.Portal.Application.Officer.Queues;

/// <summary>
/// Accounts as a composable query, so a queue can left-join the applicant's and the assigned
/// officer's names (and filter by the applicant's kelurahan) in the same SQL statement.
/// Exposes names and kelurahan only: never the NIK, e-mail or phone number.
/// </summary>
public interface IAccountQuery
{
    IQueryable<AccountRow> Accounts { get; }
}

/// <summary>The part of an account a queue shows. A class with init properties, so EF can compose over it.</summary>
public sealed class AccountRow
{
    public Guid Id { get; init; }

    public string FullName { get; init; } = "";

    public string? KelurahanCode { get; init; }
}

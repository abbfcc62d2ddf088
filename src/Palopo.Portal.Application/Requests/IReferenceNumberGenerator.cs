namespace Palopo.Portal.Application.Requests;

/// <summary>Hands out PLP-YYYY-NNNNNN numbers: unique and sequential per year, safe under concurrency on every provider.</summary>
public interface IReferenceNumberGenerator
{
    /// <summary>Makes sure the year's counter exists. Call outside the submission transaction.</summary>
    Task EnsureYearAsync(int year, CancellationToken ct);

    /// <summary>The next number of the year. Call inside the submission transaction, as its first write.</summary>
    Task<string> NextAsync(int year, CancellationToken ct);
}

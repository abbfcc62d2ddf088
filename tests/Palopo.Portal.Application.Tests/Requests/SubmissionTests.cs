using Palopo.Portal.Application.Tests.Support;
using Palopo.Portal.Testing;

namespace Palopo.Portal.Application.Tests.Requests;

public sealed class SqliteSubmissionTests
{
    [Fact]
    public async Task Concurrent_submissions_get_unique_sequential_reference_numbers()
    {
        await using var database = await PortalTestDatabase.CreateSqliteAsync();
        await SubmissionScenarios.Concurrent_submissions_get_unique_sequential_reference_numbers(database, 25);
    }

    [Fact]
    public async Task The_same_form_posted_twice_at_once_makes_one_request()
    {
        await using var database = await PortalTestDatabase.CreateSqliteAsync();
        await SubmissionScenarios.The_same_form_posted_twice_at_once_makes_one_request(database);
    }

    [Fact]
    public async Task An_invalid_submission_keeps_a_draft_and_gives_no_reference_number()
    {
        await using var database = await PortalTestDatabase.CreateSqliteAsync();
        await SubmissionScenarios.An_invalid_submission_keeps_a_draft_and_gives_no_reference_number(database);
    }
}

public sealed class PostgresSubmissionTests
{
    [PostgresFact]
    public async Task Concurrent_submissions_get_unique_sequential_reference_numbers()
    {
        await using var database = await PortalTestDatabase.CreatePostgresAsync();
        await SubmissionScenarios.Concurrent_submissions_get_unique_sequential_reference_numbers(database, 25);
    }

    [PostgresFact]
    public async Task The_same_form_posted_twice_at_once_makes_one_request()
    {
        await using var database = await PortalTestDatabase.CreatePostgresAsync();
        await SubmissionScenarios.The_same_form_posted_twice_at_once_makes_one_request(database);
    }
}

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Palopo.Portal.Application.Requests;
using Palopo.Portal.Application.Tests.Support;
using Palopo.Portal.Domain.Population;
using Palopo.Portal.Domain.Requests;
using Palopo.Portal.Infrastructure.Identity;
using Palopo.Portal.Infrastructure.Persistence;

namespace Palopo.Portal.Application.Tests.Requests;

/// <summary>Submitting through the real use case against a real database, on each provider.</summary>
internal static class SubmissionScenarios
{
    private static readonly byte[] Pdf = "%PDF-1.4\n%test\n"u8.ToArray();

    public static async Task Concurrent_submissions_get_unique_sequential_reference_numbers(PortalTestDatabase database, int count)
    {
        await database.InitializeAsync();
        var userId = await RegisterCitizenAsync(database);

        var results = await Task.WhenAll(Enumerable.Range(0, count).Select(_ =>
            database.InScopeAsync(sp => sp.GetRequiredService<ApplyForService>().HandleAsync(BirthCertificate(Guid.NewGuid()), userId, CancellationToken.None))));

        Assert.All(results, r => Assert.Equal(ApplyOutcome.Submitted, r.Outcome));
        var numbers = results.Select(r => r.ReferenceNumber!).Order(StringComparer.Ordinal).ToList();
        var year = numbers[0][4..8];
        Assert.Equal(Enumerable.Range(1, count).Select(n => $"PLP-{year}-{n:D6}"), numbers);

        var stored = await database.InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().ServiceRequests
            .CountAsync(r => r.Status == RequestStatus.Submitted));
        Assert.Equal(count, stored);
    }

    public static async Task The_same_form_posted_twice_at_once_makes_one_request(PortalTestDatabase database)
    {
        await database.InitializeAsync();
        var userId = await RegisterCitizenAsync(database);
        var key = Guid.NewGuid();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            database.InScopeAsync(sp => sp.GetRequiredService<ApplyForService>().HandleAsync(BirthCertificate(key), userId, CancellationToken.None))));

        Assert.Single(results.Select(r => r.ReferenceNumber).Distinct());
        Assert.Contains(results, r => r.Outcome == ApplyOutcome.Submitted);
        Assert.All(results, r => Assert.Contains(r.Outcome, new[] { ApplyOutcome.Submitted, ApplyOutcome.AlreadySubmitted }));
        var requests = await database.InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().ServiceRequests.CountAsync());
        Assert.Equal(1, requests);
    }

    public static async Task An_invalid_submission_keeps_a_draft_and_gives_no_reference_number(PortalTestDatabase database)
    {
        await database.InitializeAsync();
        var userId = await RegisterCitizenAsync(database);
        var command = BirthCertificate(Guid.NewGuid()) with
        {
            Answers = new Dictionary<string, string?>(BirthCertificate(Guid.NewGuid()).Answers) { ["nik_ibu"] = "7373019999990000" },
        };

        var result = await database.InScopeAsync(sp => sp.GetRequiredService<ApplyForService>().HandleAsync(command, userId, CancellationToken.None));

        Assert.Equal(ApplyOutcome.Invalid, result.Outcome);
        Assert.Equal("Nik.InvalidDate", result.Errors!["nik_ibu"].Code);
        var request = await database.InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().ServiceRequests.SingleAsync());
        Assert.Equal(RequestStatus.Draft, request.Status);
        Assert.Null(request.ReferenceNumber);
        Assert.Equal(0, await database.InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().ReferenceCounters.SumAsync(c => c.LastNumber)));
    }

    private static ApplyCommand BirthCertificate(Guid key) => new(
        "akta-kelahiran",
        key,
        new Dictionary<string, string?>
        {
            ["nama_anak"] = "Budi",
            ["jenis_kelamin_anak"] = "L",
            ["tanggal_lahir_anak"] = "2026-11-20",
            ["tempat_lahir_anak"] = "RSUD Sawerigading",
            ["kelurahan_lahir"] = "73.73.01.1001",
            ["anak_ke"] = "1",
            ["nik_ibu"] = "7373015005950003",
            ["nama_ibu"] = "Siti Aminah",
            ["orang_tua_menikah"] = "ya",
            ["nik_pelapor"] = "7373014501900001",
            ["hubungan_pelapor"] = "ibu",
            ["nik_saksi1"] = "7373011203800004",
            ["nama_saksi1"] = "Andi",
            ["nik_saksi2"] = "7373011203800005",
            ["nama_saksi2"] = "Baso",
        },
        [
            new IncomingFile("surat_lahir", "surat-lahir.pdf", Pdf.Length, () => new MemoryStream(Pdf)),
            new IncomingFile("kartu_keluarga", "kk.pdf", Pdf.Length, () => new MemoryStream(Pdf)),
        ],
        Submit: true);

    private static Task<Guid> RegisterCitizenAsync(PortalTestDatabase database) =>
        database.InScopeAsync(async sp =>
        {
            var result = await sp.GetRequiredService<CitizenRegistration>().HandleAsync(
                new RegisterCitizen("Siti Aminah", "siti@example.test", "081234567890", Nik.Parse("7373014501900001"), "73.73.01.1001",
                    "sebuah frasa sandi yang panjang sekali", "2026-11", "id"),
                CancellationToken.None);
            Assert.Equal(RegistrationOutcome.Created, result.Outcome);
            return result.User!.Id;
        });
}

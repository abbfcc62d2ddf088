using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Palopo.Portal.Application.PersonalData;
using Palopo.Portal.Domain.Population;
using Palopo.Portal.Infrastructure.Persistence;
using Palopo.Portal.Web.Tests.Support;

namespace Palopo.Portal.Web.Tests.Accounts;

/// <summary>The NIK is personal data (UU PDP): encrypted at rest, never in a log, never in a mail.</summary>
public abstract class PersonalDataTests(PortalFixture portal) : PortalTests(portal)
{
    [PortalFact]
    public async Task Nik_is_nowhere_in_clear_in_the_account_row_only_encrypted_and_as_a_keyed_hash()
    {
        var citizen = await RegisterConfirmedCitizenAsync();

        var row = await ReadUserRowAsync(citizen.Email);

        Assert.NotEmpty(row);
        foreach (var (column, value) in row)
        {
            Assert.False(value.Contains(citizen.Nik, StringComparison.Ordinal), $"AspNetUsers.{column} holds the NIK in clear.");
            Assert.False(value.Contains(citizen.Nik[4..], StringComparison.Ordinal), $"AspNetUsers.{column} holds most of the NIK.");
        }

        // What is there: a keyed hash (not a plain one) and a cipher that decrypts to the NIK.
        var nik = Nik.Parse(citizen.Nik);
        await InScopeAsync(sp =>
        {
            var protector = sp.GetRequiredService<INikProtector>();
            Assert.Equal(protector.BlindIndex(nik), row["NikHash"]);
            Assert.NotEqual(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(citizen.Nik))), row["NikHash"]);
            Assert.Equal(nik, protector.Decrypt(row["NikCipher"]));
            return Task.FromResult(true);
        });
    }

    [PortalFact]
    public async Task Nik_never_reaches_the_log_files_or_the_mails()
    {
        var citizen = Citizen.New();
        var client = NewClient();
        await ConfirmAsync(client, await RegisterAsync(client, citizen));
        await SignInAsync(client, citizen.Email, citizen.Password);
        await client.GetPageAsync(AccountUrl);
        // The paths that log on failure: a duplicate registration and an invalid one carrying the NIK.
        (await PostRegistrationAsync(NewClient(), (Citizen.New() with { Nik = citizen.Nik }).RegistrationFields())).Dispose();
        (await PostRegistrationAsync(NewClient(), (Citizen.New() with { Nik = citizen.Nik, Email = "bukan-email" }).RegistrationFields())).Dispose();

        var logs = Directory.GetFiles(App.LogsDirectory, "*", SearchOption.AllDirectories);
        Assert.NotEmpty(logs);
        var logText = string.Concat(logs.Select(ReadShared));
        Assert.Contains("registered", logText, StringComparison.Ordinal); // the log is really written
        Assert.DoesNotContain(citizen.Nik, logText, StringComparison.Ordinal);

        foreach (var file in Mail.Files)
        {
            var mail = await Mailbox.ReadAsync(file);
            Assert.DoesNotContain(citizen.Nik, mail.Subject + mail.TextBody + mail.HtmlBody, StringComparison.Ordinal);
        }
    }

    /// <summary>The account's row as the database holds it, every column as text (raw SQL, no EF mapping in between).</summary>
    private Task<Dictionary<string, string>> ReadUserRowAsync(string email) =>
        InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """SELECT * FROM "AspNetUsers" WHERE "NormalizedEmail" = @email""";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@email";
            parameter.Value = email.ToUpperInvariant();
            command.Parameters.Add(parameter);
            await using DbDataReader reader = await command.ExecuteReaderAsync();
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            if (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                    row[reader.GetName(i)] = reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "";
            }

            return row;
        });

    /// <summary>Reads a file the portal may still hold open (the rolling log).</summary>
    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

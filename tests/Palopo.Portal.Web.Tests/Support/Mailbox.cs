using System.Text.RegularExpressions;
using MimeKit;

namespace Palopo.Portal.Web.Tests.Support;

/// <summary>An e-mail as the portal wrote it to the pickup folder.</summary>
public sealed record ReceivedMail(string FileName, string To, string Subject, string TextBody, string HtmlBody)
{
    /// <summary>The first link in the text body whose path starts with <paramref name="path"/>, as path and query.</summary>
    public string Link(string path)
    {
        foreach (Match match in Regex.Matches(TextBody, @"https?://\S+"))
        {
            var uri = new Uri(match.Value);
            if (uri.AbsolutePath.StartsWith(path, StringComparison.Ordinal))
                return uri.PathAndQuery;
        }

        throw new Xunit.Sdk.XunitException($"No link to {path} in the mail \"{Subject}\":\n{TextBody}");
    }
}

/// <summary>The Development pickup folder (&lt;data&gt;/mail): one .eml file per message.</summary>
public sealed class Mailbox(string directory)
{
    public string Directory { get; } = directory;

    /// <summary>Every message file, oldest first (file names start with a UTC timestamp).</summary>
    public IReadOnlyList<string> Files =>
        System.IO.Directory.Exists(Directory)
            ? [.. System.IO.Directory.GetFiles(Directory, "*.eml").Order(StringComparer.Ordinal)]
            : [];

    public int Count => Files.Count;

    /// <summary>How many messages went to <paramref name="address"/>.</summary>
    public async Task<int> CountToAsync(string address)
    {
        var count = 0;
        foreach (var file in Files)
        {
            if ((await ReadAsync(file)).To.Equals(address, StringComparison.OrdinalIgnoreCase))
                count++;
        }

        return count;
    }

    /// <summary>The newest message to <paramref name="address"/>; fails if there is none.</summary>
    public async Task<ReceivedMail> LatestToAsync(string address)
    {
        foreach (var file in Files.Reverse())
        {
            var mail = await ReadAsync(file);
            if (mail.To.Equals(address, StringComparison.OrdinalIgnoreCase))
                return mail;
        }

        throw new Xunit.Sdk.XunitException($"No e-mail to {address} in {Directory} ({Count} messages).");
    }

    public static async Task<ReceivedMail> ReadAsync(string path)
    {
        using var message = await MimeMessage.LoadAsync(path);
        return new ReceivedMail(
            Path.GetFileName(path),
            string.Join(", ", message.To.Mailboxes.Select(m => m.Address)),
            message.Subject ?? "",
            message.TextBody ?? "",
            message.HtmlBody ?? "");
    }
}

using System.Globalization;
using System.Text;
using Microsoft.Playwright;

namespace Palopo.Portal.Browser.Tests.Support;

/// <summary>
/// Full-page PNGs of every page a test visits, for people reviewing the look on a phone, in
/// tests/Palopo.Portal.Browser.Tests/TestResults/screenshots/ (or PALOPO_SCREENSHOTS).
/// Emptied once per run; a screenshot that cannot be taken never fails a test.
/// </summary>
public sealed class Screenshots(string testName, Viewport viewport)
{
    private static readonly Lazy<string> FolderOnce = new(PrepareFolder);
    private int _count;

    public static string Folder => FolderOnce.Value;

    /// <param name="page">The page as it is now.</param>
    /// <param name="step">What the page shows, for the file name.</param>
    /// <param name="at">The screen size the page is at, when the test has resized it from the session's own.</param>
    public async Task SaveAsync(IPage page, string step, Viewport? at = null)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"{Slug(testName)}-{(at ?? viewport).Name}-{++_count:00}-{Slug(step)}.png");
        try
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name), FullPage = true, Timeout = 10_000 });
        }
        catch (PlaywrightException)
        {
            // Only for reviewers: the test is about the page, not the picture.
        }
        catch (IOException)
        {
        }
    }

    private static string PrepareFolder()
    {
        var folder = Environment.GetEnvironmentVariable("PALOPO_SCREENSHOTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(ProjectDirectory(), "TestResults", "screenshots");
        try
        {
            if (Directory.Exists(folder))
            {
                foreach (var old in Directory.EnumerateFiles(folder, "*.png"))
                    File.Delete(old);
            }

            Directory.CreateDirectory(folder);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return folder;
    }

    /// <summary>The folder holding this project's .csproj, found upwards from bin/; the output folder otherwise.</summary>
    private static string ProjectDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Palopo.Portal.Browser.Tests.csproj")))
                return dir.FullName;
        }

        return AppContext.BaseDirectory;
    }

    private static string Slug(string text)
    {
        var slug = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
                slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-')
                slug.Append('-');
        }

        return slug.ToString().Trim('-');
    }
}

using Palopo.Portal.Application.Admin.Audit;
using Palopo.Portal.Domain.Audit;

namespace Palopo.Portal.Web.Areas.Admin.Models;

/// <summary>The audit filter as it stands in the address (Indonesian names; bookmarkable).</summary>
public sealed class AuditQuery
{
    public string? Pengguna { get; set; }

    public string? Aksi { get; set; }

    public DateOnly? Dari { get; set; }

    public DateOnly? Sampai { get; set; }

    public string? Referensi { get; set; }

    public int Halaman { get; set; } = 1;

    public AuditAction? Action => Enum.TryParse<AuditAction>(Aksi, ignoreCase: false, out var a) && Enum.IsDefined(a) ? a : null;

    public AuditFilter ToFilter() => new(Trim(Pengguna, 150), Action, Dari, Sampai, Trim(Referensi, 40));

    /// <summary>The same filter as a query string, for the CSV link and the pager.</summary>
    public string QueryString(int? page = null)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
                parts.Add(name + "=" + Uri.EscapeDataString(value.Trim()));
        }

        Add("pengguna", Pengguna);
        Add("aksi", Action?.ToString());
        Add("dari", Dari?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("sampai", Sampai?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("referensi", Referensi);
        if (page is > 1)
            parts.Add("halaman=" + page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    private static string? Trim(string? value, int max) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim() is var t && t.Length > max ? t[..max] : value.Trim();
}

public sealed record AuditLogPage(AuditPage Result, AuditQuery Query, bool DatesReversed);
